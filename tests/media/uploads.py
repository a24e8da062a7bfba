"""Builders of uploaded files: pictures, PDFs, Office and OpenDocument files, OLE2."""

import io
import struct
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from wagtail.models import Collection


def root_collection() -> int:
    return Collection.get_first_root_node().pk


def picture(image_format: str = "JPEG", size=(64, 48), exif=None, **options) -> bytes:
    """A small picture with detail in it, so that half of the file is half the image."""
    width, height = size
    pixels = bytes(
        (x * 7 + y * 13 + c * 50) % 256
        for y in range(height)
        for x in range(width)
        for c in range(3)
    )
    image = PILImage.frombytes("RGB", size, pixels)
    if exif is not None:
        tags = PILImage.Exif()
        tags.update(exif)
        options["exif"] = tags.tobytes()
    buffer = io.BytesIO()
    image.save(buffer, image_format, **options)
    return buffer.getvalue()


def truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def post_multiple(client, url_name: str, data: bytes, name: str):
    return client.post(
        reverse(url_name),
        {"files[]": ContentFile(data, name=name), "collection": root_collection()},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )


def pdf(extra=None) -> bytes:
    """A one-page PDF made with pypdf; `extra(writer)` may add to it."""
    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    if extra is not None:
        extra(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def with_javascript(writer: PdfWriter) -> None:
    writer.add_open_action(JavaScript("app.alert(1)"))


def with_attachment(writer: PdfWriter) -> None:
    writer.add_attachment("payload.exe", b"MZ\x90\x00")


def with_launch(writer: PdfWriter) -> None:
    launch = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Action"),
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("C:\\Windows\\System32\\calc.exe"),
        }
    )
    writer.root_object[NameObject("/OpenAction")] = writer._add_object(launch)


def with_direct_launch(writer: PdfWriter) -> None:
    """The action written inside the catalog, not as an object of its own."""
    writer.root_object[NameObject("/OpenAction")] = DictionaryObject(
        {
            NameObject("/S"): NameObject("/Launch"),
            NameObject("/F"): TextStringObject("cmd.exe"),
        }
    )


def with_escaped_names(data: bytes) -> bytes:
    """JavaScript spelt with #-escaped names, which a byte search would not see."""
    action = b"/OpenAction << /S /Java#53cript /J#53 (app.alert\\(1\\)) >>"
    return data.replace(b"/Type /Catalog", b"/Type /Catalog " + action, 1)


def zipped(members: dict[str, bytes], compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


OOXML = "http://schemas.openxmlformats.org"
CONTENT_TYPES = f'<Types xmlns="{OOXML}/package/2006/content-types"/>'.encode()
WORD_XML = (
    f'<w:document xmlns:w="{OOXML}/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>通知</w:t></w:r></w:p></w:body></w:document>"
).encode()


def docx(**extra: bytes) -> bytes:
    return zipped(
        {"[Content_Types].xml": CONTENT_TYPES, "word/document.xml": WORD_XML, **extra}
    )


def xlsx() -> bytes:
    return zipped(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "xl/workbook.xml": (
                f'<workbook xmlns="{OOXML}/spreadsheetml/2006/main"/>'.encode()
            ),
            "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><worksheet/>',
        }
    )


def odt() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.text", zipfile.ZIP_STORED
        )
        archive.writestr(
            "content.xml", '<?xml version="1.0"?><office:document-content/>'
        )
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """One member of 50 MB of zeros, compressed to some 50 kB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("zeros.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(50):
                member.write(chunk)
    return buffer.getvalue()


ENDOFCHAIN, FREESECT, FATSECT, NOSTREAM = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF


def ole(tree: dict) -> bytes:
    """A minimal OLE2 compound file (the container of .doc and .xls), written by hand.

    `tree` maps names to bytes (streams) or to dicts (storages). olefile only reads
    these files, so this is the smallest writer that produces one: 512-byte sectors,
    one FAT sector, streams padded to 4 kB so that none lives in the mini stream.
    """
    entries: list[list] = []  # name, type, data, child, right sibling

    def add(name: str, kind: int, data: bytes = b"") -> int:
        entries.append([name, kind, data, NOSTREAM, NOSTREAM])
        return len(entries) - 1

    def add_children(parent: int, node: dict) -> None:
        previous = None
        for name in sorted(node, key=lambda n: (len(n), n.upper())):
            value = node[name]
            is_storage = isinstance(value, dict)
            sid = add(name, 1 if is_storage else 2, b"" if is_storage else value)
            if previous is None:
                entries[parent][3] = sid
            else:
                entries[previous][4] = sid  # a chain of right siblings, in order
            previous = sid
            if is_storage:
                add_children(sid, value)

    add_children(add("Root Entry", 5), tree)
    directory_sectors = -(-len(entries) // 4)
    fat = [FATSECT, *range(2, directory_sectors + 1), ENDOFCHAIN]
    data_sectors, directory = b"", b""
    for name, kind, data, child, right in entries:
        start, size = (ENDOFCHAIN, 0) if kind != 2 else (len(fat), 0)
        if kind == 2:
            data = data.ljust(4096, b"\0")
            data = data.ljust(-(-len(data) // 512) * 512, b"\0")
            size, count = len(data), len(data) // 512
            fat += [*range(start + 1, start + count), ENDOFCHAIN]
            data_sectors += data
        encoded = (name + "\0").encode("utf-16-le")
        directory += struct.pack(
            "<64sHBBIII16sIQQIQ",
            encoded,
            len(encoded),
            kind,
            1,  # black
            NOSTREAM,
            right,
            child,
            bytes(16),
            0,
            0,
            0,
            start,
            size,
        )
    unused = struct.pack(
        "<64sHBBIII16sIQQIQ", b"", 0, 0, 0, *[NOSTREAM] * 3, bytes(16), 0, 0, 0, 0, 0
    )
    directory = directory.ljust(directory_sectors * 512, b"\0")
    directory = b"".join(
        directory[i : i + 128] if directory[i : i + 128].strip(b"\0") else unused
        for i in range(0, len(directory), 128)
    )
    assert len(fat) <= 128
    fat_sector = struct.pack("<128I", *fat, *[FREESECT] * (128 - len(fat)))
    header = struct.pack(
        "<8s16sHHHHH6sIIIIIIIII",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        bytes(16),
        0x3E,
        3,
        0xFFFE,
        9,  # 512-byte sectors
        6,  # 64-byte mini sectors
        bytes(6),
        0,  # directory sectors (0 in version 3)
        1,  # FAT sectors
        1,  # first directory sector
        0,
        4096,  # mini stream cutoff
        ENDOFCHAIN,
        0,
        ENDOFCHAIN,
        0,
    ) + struct.pack("<109I", 0, *[FREESECT] * 108)
    return header + fat_sector + directory + data_sectors


WORD_STREAM = b"\xec\xa5\xc1\x00" + bytes(60)  # the FIB's wIdent of a Word document
EXCEL_STREAM = b"\x09\x08\x10\x00\x00\x06\x05\x00"  # a BIFF8 BOF record
HTML = "<html><body><h1>通知</h1></body></html>".encode()


@pytest.mark.single_db
def test_hand_made_ole_files_are_read_by_olefile():
    """The test's OLE writer makes files olefile reads back, storages included."""
    import olefile

    data = ole({"WordDocument": WORD_STREAM, "Macros": {"VBA": {"dir": b"x"}}})
    assert olefile.isOleFile(data)
    with olefile.OleFileIO(data) as reader:
        assert sorted(reader.listdir()) == [["Macros", "VBA", "dir"], ["WordDocument"]]
        assert reader.openstream("WordDocument").read()[:4] == WORD_STREAM[:4]
