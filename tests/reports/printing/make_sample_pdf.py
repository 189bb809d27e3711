#!/usr/bin/env python3
"""Writes sample.pdf: one A4 page with a Chinese and an English line, as small as a PDF
with Chinese text can be. The Chinese line uses the standard Adobe-GB1 font STSong-Light
(not embedded; viewers and poppler substitute an installed CJK font) with the predefined
UniGB-UCS2-H encoding, plus a ToUnicode map, so pdftotext returns the text exactly.

    python3 make_sample_pdf.py sample.pdf
"""
import sys

CHINESE = "执法记录仪保管柜打印测试"
ENGLISH = "Custody kiosk print test BWC-0042"


def ucs2_hex(text):
    return "".join("%04X" % ord(c) for c in text)


def to_unicode_cmap(text):
    # The codes are UCS-2 already: each one maps to itself.
    chars = sorted(set(text))
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
             "%d beginbfchar" % len(chars)]
    lines += ["<%04X> <%04X>" % (ord(c), ord(c)) for c in chars]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def stream(data):
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def main(path):
    content = ("BT /F1 20 Tf 72 760 Td <%s> Tj ET\n"
               "BT /F2 14 Tf 72 728 Td (%s) Tj ET" % (ucs2_hex(CHINESE), ENGLISH)).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R /F2 8 0 R >> >> >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H"
        b" /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >>"
        b" /FontDescriptor 9 0 R /DW 1000 >>",
        stream(to_unicode_cmap(CHINESE)),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880]"
        b" /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
        b"<< /Title (Custody kiosk print test) /Producer (make_sample_pdf.py) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "sample.pdf")
