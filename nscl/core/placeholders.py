"""Placeholder files for demo data, made at load time and never posing as real:

- a PDF of one page with a few lines of text and a correct cross-reference table (the standard PDF
  fonts lack Vietnamese letters, so the text is folded to ASCII);
- an abstract picture (a gradient with circles and bars in two colours, no text) to illustrate
  articles and showcases, always captioned as an illustration by its caller.
"""

import io
import textwrap
import unicodedata

from django.core.files.uploadedfile import SimpleUploadedFile

# Pairs of (ground, accent) colours from the site's palette.
PALETTES = [("#0b4f8a", "#f0a30a"), ("#1e6b52", "#f2c14e"), ("#6b2d5c", "#f28f3b"), ("#37474f", "#4fc3f7")]


def placeholder_pdf(*lines: str) -> bytes:
    """A minimal valid one-page PDF with these lines (each wrapped at 85 characters)."""
    text = b""
    for line in lines:
        folded = unicodedata.normalize("NFKD", line.replace("đ", "d").replace("Đ", "D"))
        ascii_line = "".join(c for c in folded if c.isascii() and c not in "()\\" and not unicodedata.combining(c))
        for chunk in textwrap.wrap(ascii_line, 85) or [""]:
            text += b"(%s) Tj 0 -20 Td " % chunk.encode("ascii")
    stream = b"BT /F1 12 Tf 60 780 Td " + text + b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        b"/Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


def placeholder_picture(
    seed: int, *, width: int = 1600, height: int = 900, name: str = "minh-hoa"
) -> SimpleUploadedFile:
    """An abstract PNG picture, different for each seed: a gradient, circles and a bar chart."""
    from PIL import Image, ImageDraw

    ground, accent = PALETTES[seed % len(PALETTES)]
    picture = Image.new("RGB", (width, height), ground)
    draw = ImageDraw.Draw(picture)
    r, g, b = (int(ground[i : i + 2], 16) for i in (1, 3, 5))
    for row in range(0, height, 6):  # a gentle vertical gradient towards black
        shade = 60 * row // height
        draw.rectangle([0, row, width, row + 6], fill=(max(r - shade, 0), max(g - shade, 0), max(b - shade, 0)))
    unit = width / 1600
    for n in range(5):
        x = (250 + n * 280) * unit
        y = (300 + (n * 97 + seed * 53) % 300) * height / 900
        radius = (60 + (n * 37 + seed * 19) % 120) * unit
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], outline=accent, width=max(4, int(10 * unit)))
    floor = height * 820 / 900
    for n in range(4):
        bar = (120 + (n * 83 + seed * 41) % 260) * height / 900
        draw.rectangle([(1150 + n * 90) * unit, floor - bar, (1210 + n * 90) * unit, floor], fill=accent)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return SimpleUploadedFile(f"{name}-{seed}.png", buffer.getvalue(), content_type="image/png")
