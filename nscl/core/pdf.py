"""A placeholder PDF for demo and test files: one page, a few lines of text, a correct cross-reference
table. The standard PDF fonts lack Vietnamese letters, so the text is folded to ASCII."""

import textwrap
import unicodedata


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
