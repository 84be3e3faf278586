"""What an uploaded file really is, judged by its content (never by its name or the browser's word):
an XLSX is a zip holding [Content_Types].xml; CSV and JSON Lines must be UTF-8 text throughout."""

import codecs
import re
import zipfile
from typing import IO

from nscl.standards.imports.readers import BLOCK, ZIP_MAGIC

CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")  # NUL and friends: never in a CSV or JSON text


def content_format(handle: IO[bytes]) -> str | None:
    """ "xlsx", "csv" or "jsonl" from the bytes, or None when it is none of them. Reads the file once,
    a block at a time, and rewinds it."""
    try:
        head = handle.read(len(ZIP_MAGIC))
        handle.seek(0)
        if head == ZIP_MAGIC:
            return "xlsx" if _is_xlsx(handle) else None
        return _text_format(handle)
    finally:
        handle.seek(0)


def _is_xlsx(handle: IO[bytes]) -> bool:
    try:
        with zipfile.ZipFile(handle) as archive:
            return "[Content_Types].xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def _text_format(handle: IO[bytes]) -> str | None:
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    first = ""
    try:
        for block in iter(lambda: handle.read(BLOCK), b""):
            text = decoder.decode(block)
            if CONTROL.search(text):
                return None  # binary data that happens to decode
            first = first or text.lstrip()
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return None
    if not first:
        return None
    return "jsonl" if first.startswith("{") else "csv"
