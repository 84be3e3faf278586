"""How a user's query and a record become search terms. Shared by both backends, so the index and
the query are folded by the same function."""

from dataclasses import dataclass, field

from nscl.core.text import has_marks, nfc, search_tokens, split_words, tone_key

MAX_CHUNKS = 12
MAX_TOKEN_LENGTH = 40
SCOPE_INDEX_CHARS = 3000


@dataclass(frozen=True)
class Terms:
    """A compiled query.

    ``chunks``: one tuple of folded tokens per whitespace-separated word the user typed; a chunk of
    several tokens ("7790-3" -> ("7790", "3")) must match as a phrase. Every chunk is required.
    ``prefix``: the last chunk's last token may also match as a prefix (search as you type).
    ``exact``: tone-keyed tokens, present only when the user typed marks; they rank, never filter.
    """

    chunks: tuple[tuple[str, ...], ...] = ()
    prefix: bool = True
    exact: tuple[str, ...] = field(default=())

    def __bool__(self) -> bool:
        return bool(self.chunks)

    @property
    def tokens(self) -> list[str]:
        return [token for chunk in self.chunks for token in chunk]


def compile_terms(text: str, *, prefix: bool = True) -> Terms:
    chunks = []
    typed = (text or "").split()[:MAX_CHUNKS]
    for word in typed:
        tokens = tuple(t[:MAX_TOKEN_LENGTH] for t in search_tokens(word))
        if tokens:
            chunks.append(tokens)
    exact: tuple[str, ...] = ()
    if chunks:
        # Every word typed with a mark ranks, toned ("đường" -> "đương2") or not ("dương").
        marked = [w for w in split_words(nfc(" ".join(typed))) if has_marks(w)]
        exact = tuple(dict.fromkeys(tone_key(w) for w in marked))
    return Terms(chunks=tuple(chunks), prefix=prefix, exact=exact)


def document_for(*, code: str, equivalent_ref: str, title_vi: str, title_en: str, scope: str) -> dict[str, str]:
    """The text each backend indexes for one standard, already folded and tokenised."""
    return {
        "code": " ".join(search_tokens(f"{code} {equivalent_ref}")),
        "title": " ".join(search_tokens(f"{title_vi} {title_en}")),
        "exact": tone_key(title_vi),
        "scope": " ".join(search_tokens(scope[:SCOPE_INDEX_CHARS])),
    }
