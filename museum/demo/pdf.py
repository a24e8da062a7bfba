"""Small text PDFs in Chinese for the demo's research outputs, written by hand.

The text is set in STSong-Light, one of the CJK fonts every PDF reader provides
(PDF 1.7, 9.7.5.2 "Predefined CMaps"), through the UniGB-UCS2-H encoding: nothing is
embedded, so a two-page paper is a few kilobytes and needs no font on this machine.
"""

import textwrap

PAGE = (595, 842)  # A4 in points
MARGIN = 64
SIZE = 11
LEADING = 19
CHARS = (PAGE[0] - 2 * MARGIN) // SIZE
LINES = (PAGE[1] - 2 * MARGIN) // LEADING


def ucs2(text: str) -> str:
    """Text as a PDF hex string of UCS-2 codes (characters beyond the BMP dropped)."""
    return "<" + "".join(f"{ord(c):04X}" for c in text if ord(c) <= 0xFFFF) + ">"


def layout(blocks: list[tuple[str, str]]) -> list[list[tuple[int, str]]]:
    """(style, text) blocks as pages of (font size, line) pairs."""
    lines: list[tuple[int, str]] = []
    for style, text in blocks:
        size = 16 if style == "title" else SIZE
        width = CHARS * SIZE // size
        wrapped = textwrap.wrap(text, width=width) or [""]
        if style == "paragraph":
            wrapped = textwrap.wrap("\u3000\u3000" + text, width=width)
        lines += [(size, line) for line in wrapped] + [(SIZE, "")]
    return [lines[n : n + LINES] for n in range(0, len(lines), LINES)]


def content(lines: list[tuple[int, str]]) -> bytes:
    """One page's content stream: the lines from the top margin down."""
    y = PAGE[1] - MARGIN
    parts = ["BT"]
    for size, line in lines:
        y -= LEADING if size == SIZE else LEADING + 6
        if line:
            parts.append(f"/F1 {size} Tf 1 0 0 1 {MARGIN} {y} Tm {ucs2(line)} Tj")
    parts.append("ET")
    return "\n".join(parts).encode("ascii")


def pdf(title: str, blocks: list[tuple[str, str]]) -> bytes:
    """A PDF document of the blocks: ("title" | "line" | "paragraph", text)."""
    pages = layout(blocks)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light "
        b"/Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor 5 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 "
        b"/FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 "
        b"/CapHeight 880 /StemV 93 >>",
        f"<< /Title {ucs2_title(title)} /Producer (Jingwu demo) >>".encode("ascii"),
    ]
    kids = []
    for lines in pages:
        stream = content(lines)
        objects.append(
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        )
        contents = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
            % (PAGE[0], PAGE[1], contents)
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = (
        f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode(
            "ascii"
        )
    )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += (
        b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
        % (len(objects) + 1, xref)
    )
    return bytes(out)


def ucs2_title(text: str) -> str:
    """A text string for the document information: UTF-16BE with its byte order mark."""
    return "<FEFF" + ucs2(text)[1:]
