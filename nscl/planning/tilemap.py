"""The schematic tile map of the province's communes (docs/decisions/0007-schematic-commune-map.md).

One square tile per commune at the position given in data/planning/commune_tiles.toml: a grid, not
geography. A commune of the province missing from the file is placed after the last row, so none is
ever left off. Tiles are coloured in five classes of enterprises reached; the text colour of each
class meets WCAG AA (4.5:1) on its fill, which a test checks.
"""

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

TILES_FILE = Path(settings.BASE_DIR) / "data" / "planning" / "commune_tiles.toml"
TILE, GAP = 96, 6  # px in the SVG's own units; the SVG scales to its container

# (lowest count of the class, fill, text colour): light to dark blue, dark text then white text.
CLASSES: tuple[tuple[int, str, str], ...] = (
    (0, "#f1f3f5", "#212529"),
    (1, "#cfe2ff", "#052c65"),
    (3, "#9ec5fe", "#052c65"),
    (6, "#0a58ca", "#ffffff"),
    (11, "#052c65", "#ffffff"),
)


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    value: int
    x: int
    y: int
    fill: str
    text: str

    @property
    def label(self) -> str:
        """The name without its kind ("Phường", "Xã"): what fits on the tile."""
        for prefix in ("Phường ", "Xã ", "Đặc khu "):
            if self.name.startswith(prefix):
                return self.name[len(prefix) :]
        return self.name


@dataclass(frozen=True)
class Legend:
    low: int
    high: int | None  # None: and above
    fill: str
    text: str


@dataclass(frozen=True)
class TileMap:
    tiles: list[Tile]
    width: int
    height: int
    legend: list[Legend]


@functools.cache
def positions(path: Path = TILES_FILE) -> tuple[int, dict[str, tuple[int, int]]]:
    """(columns, {commune code: (col, row)}) from the tiles file."""
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    return int(data.get("columns", 9)), {t["code"]: (int(t["col"]), int(t["row"])) for t in data.get("tile", [])}


def colour(value: int) -> tuple[str, str]:
    fill, text = CLASSES[0][1:]
    for low, class_fill, class_text in CLASSES:
        if value >= low:
            fill, text = class_fill, class_text
    return fill, text


def legend() -> list[Legend]:
    rows = []
    for i, (low, fill, text) in enumerate(CLASSES):
        high = CLASSES[i + 1][0] - 1 if i + 1 < len(CLASSES) else None
        rows.append(Legend(low, high, fill, text))
    return rows


def build(communes: list[tuple[str, str, int]]) -> TileMap:
    """Tiles for (code, name, value) rows: placed from the file, the unplaced ones after the last row."""
    columns, placed = positions()
    known = [c for c in communes if c[0] in placed]
    rows_used = max((placed[c[0]][1] for c in known), default=-1) + 1
    cells = {c[0]: placed[c[0]] for c in known}
    for i, c in enumerate(c for c in communes if c[0] not in placed):
        cells[c[0]] = (i % columns, rows_used + i // columns)
    tiles = []
    for code, name, value in communes:
        col, row = cells[code]
        fill, text = colour(value)
        tiles.append(Tile(code, name, value, col * (TILE + GAP), row * (TILE + GAP), fill, text))
    width = max((t.x for t in tiles), default=0) + TILE
    height = max((t.y for t in tiles), default=0) + TILE
    return TileMap(tiles, width, height, legend())


# -- WCAG contrast (used by the tests to check CLASSES) -------------------------------------------------


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)
