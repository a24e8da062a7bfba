"""The admin's image and document uploads refuse broken, disguised and active files,
strip photo metadata, and clean_uploads removes what the multiple uploader left."""

import io
import os
import struct
import time
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.urls import reverse
from PIL import Image as PILImage
from pypdf import PdfWriter
from pypdf.actions import JavaScript
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from wagtail.models import Collection, UploadedFile

from media.images import has_metadata
from media.models import Document, Image

pytestmark = pytest.mark.django_db

BROKEN_IMAGE = "图片文件已损坏或不完整"
GPS_EXIF = {
    0x010F: "PhoneMaker",
    0x8825: {2: (39.0, 54.0, 27.0), 4: (116.0, 23.0, 30.0)},
}


@pytest.fixture
def admin(client, superuser):
    client.force_login(superuser)
    return client


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


def post_image(client, data: bytes, name: str, title: str = "上传图片"):
    return client.post(
        "/admin/images/add/",
        {
            "title": title,
            "file": ContentFile(data, name=name),
            "collection": root_collection(),
            "tags": "",
        },
    )


def post_multiple(client, url_name: str, data: bytes, name: str):
    return client.post(
        reverse(url_name),
        {"files[]": ContentFile(data, name=name), "collection": root_collection()},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )


# Images: the single uploader ------------------------------------------------------


@pytest.mark.parametrize("image_format,name", [("JPEG", "cut.jpg"), ("PNG", "cut.png")])
def test_truncated_picture_is_refused_with_a_form_error(admin, image_format, name):
    """A picture cut off half-way is refused on the form, not stored to fail later."""
    whole = picture(image_format)
    with PILImage.open(io.BytesIO(truncated(whole))) as header_only:
        assert header_only.format == image_format  # the header still says "picture"
    response = post_image(admin, truncated(whole), name)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(BROKEN_IMAGE in error for error in errors), errors
    assert BROKEN_IMAGE in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.parametrize("image_format,name", [("JPEG", "a.jpg"), ("PNG", "a.png")])
def test_whole_picture_is_accepted(admin, image_format, name):
    """The same picture, whole, is stored with its size and format."""
    response = post_image(admin, picture(image_format), name, title="完整图片")
    assert response.status_code == 302
    image = Image.objects.get(title="完整图片")
    assert (image.width, image.height) == (64, 48)
    with image.open_file() as original, PILImage.open(original) as stored:
        assert stored.format == image_format


def test_photo_loses_its_exif_and_keeps_its_size(admin):
    """GPS and camera EXIF are gone from the stored original; the size is unchanged."""
    data = picture("JPEG", size=(96, 64), exif=GPS_EXIF)
    assert has_metadata(data)
    assert post_image(admin, data, "gps.jpg", title="定位照片").status_code == 302
    image = Image.objects.get(title="定位照片")
    with image.open_file() as original:
        stored = original.read()
    assert not has_metadata(stored)
    with PILImage.open(io.BytesIO(stored)) as stored_picture:
        assert stored_picture.size == (96, 64)
        assert stored_picture.format == "JPEG"
    assert (image.width, image.height) == (96, 64)


def test_rotated_photo_is_stored_upright(admin):
    """A portrait photo stored sideways with EXIF Orientation=6 is turned upright."""
    sideways = PILImage.new("RGB", (96, 64), (128, 128, 128))
    sideways.paste((255, 0, 0), (0, 0, 24, 24))  # a red mark in the stored top-left
    tags = PILImage.Exif()
    tags.update({0x0112: 6, **GPS_EXIF})  # 6: turn 90° clockwise to display
    buffer = io.BytesIO()
    sideways.save(buffer, "JPEG", exif=tags.tobytes())
    response = post_image(admin, buffer.getvalue(), "turned.jpg", title="竖拍照片")
    assert response.status_code == 302
    image = Image.objects.get(title="竖拍照片")
    with image.open_file() as original:
        stored = original.read()
    assert not has_metadata(stored)
    with PILImage.open(io.BytesIO(stored)) as upright:
        assert upright.size == (64, 96)
        assert upright.getexif().get(0x0112) is None
        red, green, _ = upright.convert("RGB").getpixel((60, 4))
        assert red > 200 and green < 60  # the mark is now at the top right
        assert upright.convert("RGB").getpixel((4, 4))[0] < 200
    assert (image.width, image.height) == (64, 96)


# Images: the multiple uploader (an AJAX POST of files[] answered with JSON) ---------


def test_multiple_upload_refuses_a_truncated_jpeg(admin):
    """The multiple uploader answers success false with the reason; nothing stored."""
    data = truncated(picture("JPEG"))
    response = post_multiple(admin, "wagtailimages:add_multiple", data, "cut.jpg")
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert BROKEN_IMAGE in answer["error_message"]
    assert not Image.objects.exists()
    assert not UploadedFile.objects.exists()


def test_multiple_upload_accepts_a_good_jpeg_without_its_exif(admin):
    """A whole photo goes through the multiple uploader, stripped of its GPS."""
    data = picture("JPEG", exif=GPS_EXIF)
    response = post_multiple(admin, "wagtailimages:add_multiple", data, "good.jpg")
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is True, answer
    image = Image.objects.get(pk=answer["image_id"])
    assert (image.width, image.height) == (64, 48)
    with image.open_file() as original:
        assert not has_metadata(original.read())
    assert not UploadedFile.objects.exists()


def test_multi_picture_phone_jpeg_is_accepted(admin):
    """A phone's JPEG with a second picture (MPO, as many cameras save) is accepted."""
    first = PILImage.open(io.BytesIO(picture("JPEG", exif=GPS_EXIF)))
    buffer = io.BytesIO()
    first.save(buffer, "MPO", save_all=True, append_images=[first.copy()])
    with PILImage.open(io.BytesIO(buffer.getvalue())) as opened:
        assert opened.format == "MPO" and opened.n_frames == 2
    response = post_image(admin, buffer.getvalue(), "phone.jpg", title="手机照片")
    assert response.status_code == 302, response.context["form"].errors
    image = Image.objects.get(title="手机照片")
    with image.open_file() as original:
        assert not has_metadata(original.read())


def test_animated_webp_keeps_its_frames(admin):
    """An animated WebP keeps all its frames, as an animated GIF does."""
    frames = [PILImage.new("RGB", (32, 32), (60 * i, 0, 0)) for i in range(3)]
    buffer = io.BytesIO()
    frames[0].save(
        buffer, "WEBP", save_all=True, append_images=frames[1:], duration=100
    )
    response = post_image(admin, buffer.getvalue(), "a.webp", title="动图")
    assert response.status_code == 302, response.context["form"].errors
    image = Image.objects.get(title="动图")
    with image.open_file() as original, PILImage.open(original) as stored:
        assert getattr(stored, "n_frames", 1) == 3


def test_animated_gif_keeps_its_frames(admin):
    """An animated GIF is stored with every frame."""
    frames = [PILImage.new("RGB", (32, 32), (60 * i, 0, 0)) for i in range(3)]
    buffer = io.BytesIO()
    frames[0].save(buffer, "GIF", save_all=True, append_images=frames[1:], loop=0)
    assert (
        post_image(admin, buffer.getvalue(), "a.gif", title="动图").status_code == 302
    )
    image = Image.objects.get(title="动图")
    with image.open_file() as original, PILImage.open(original) as stored:
        assert stored.n_frames == 3


# Documents -------------------------------------------------------------------------


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


def post_document(client, data: bytes, name: str, title: str = "上传文档"):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": ContentFile(data, name=name),
            "collection": root_collection(),
            "tags": "",
        },
    )


@pytest.mark.parametrize(
    "name,build,message",
    [
        pytest.param(
            "通知.pdf", lambda: pdf(with_javascript), "PDF 含有脚本", id="pdf-js"
        ),
        pytest.param(
            "通知.pdf", lambda: zipped({"a.txt": b"x"}), "不是 PDF", id="zip-as-pdf"
        ),
        pytest.param(
            "通知.doc",
            lambda: HTML,
            "与扩展名不符",
            id="html-as-doc",
        ),
        pytest.param(
            "通知.doc", lambda: HTML * 40, "与扩展名不符", id="long-html-as-doc"
        ),
        pytest.param("报表.xlsx", lambda: HTML, "压缩包格式", id="html-as-xlsx"),
        pytest.param(
            "通知.docx",
            lambda: zipped({"[Content_Types].xml": CONTENT_TYPES}),
            "与扩展名不符",
            id="zip-as-docx",
        ),
        pytest.param(
            "通知.docx",
            lambda: docx(**{"word/vbaProject.bin": b"\xcc\x61"}),
            "含有宏",
            id="docx-with-macros",
        ),
        pytest.param(
            "报表.xls",
            lambda: ole({"WordDocument": WORD_STREAM}),
            "与扩展名不符",
            id="doc-as-xls",
        ),
        pytest.param(
            "通知.doc",
            lambda: ole(
                {"WordDocument": WORD_STREAM, "Macros": {"VBA": {"dir": b"x"}}}
            ),
            "含有宏",
            id="doc-with-macros",
        ),
        pytest.param(
            "报表.xls",
            lambda: ole({"Workbook": EXCEL_STREAM, "_VBA_PROJECT_CUR": {"dir": b"x"}}),
            "含有宏",
            id="xls-with-macros",
        ),
        pytest.param(
            "说明.txt", lambda: "说明\x00文字".encode(), "不是纯文本", id="txt-nul"
        ),
        pytest.param("资料.zip", zip_bomb, "解压后过大", id="zip-bomb"),
        pytest.param("程序.exe", lambda: b"MZ\x90\x00", "不支持这种文件类型", id="exe"),
    ],
)
def test_disguised_or_active_documents_are_refused(admin, name, build, message):
    """A file that is not what its extension says, or runs code, is refused; no row."""
    response = post_document(admin, build(), name)
    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any(message in error for error in errors), errors
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "extra", [with_launch, with_attachment], ids=["launch", "file"]
)
def test_pdf_that_launches_a_program_or_carries_a_file_is_refused(admin, extra):
    """A PDF that starts a program when opened, or carries a file, is refused."""
    response = post_document(admin, pdf(extra), "通知.pdf")
    assert response.status_code == 200
    assert "PDF 含有脚本" in str(response.context["form"].errors.get("file"))
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "name,build",
    [
        pytest.param("通知.pdf", pdf, id="pdf"),
        pytest.param("通知.docx", docx, id="docx"),
        pytest.param("报表.xlsx", xlsx, id="xlsx"),
        pytest.param(
            "名单.csv", lambda: "姓名,电话\n张三,12345\n".encode(), id="csv-utf8"
        ),
        pytest.param(
            "名单.csv",
            lambda: "\ufeff姓名,电话\n李四,110\n".encode(),
            id="csv-utf8-bom",
        ),
        pytest.param(
            "说明.txt",
            lambda: "办理时间：工作日。\n".encode("gb18030"),
            id="txt-gb18030",
        ),
        pytest.param(
            "通知.rtf",
            lambda: (
                rb"{\rtf1\ansi\ansicpg936 {\fonttbl\f0 SimSun;}\f0 \'cd\'a8\'d6\'aa}"
            ),
            id="rtf",
        ),
        pytest.param("通知.odt", odt, id="odt"),
        pytest.param(
            "通知.doc",
            lambda: ole({"WordDocument": WORD_STREAM, "1Table": b"\x00"}),
            id="doc",
        ),
        pytest.param("报表.xls", lambda: ole({"Workbook": EXCEL_STREAM}), id="xls"),
        pytest.param(
            "资料.zip", lambda: zipped({"说明.txt": "内容".encode()}), id="zip"
        ),
    ],
)
def test_genuine_documents_are_accepted_unchanged(admin, name, build):
    """A genuine document of each allowed type is stored byte for byte."""
    data = build()
    response = post_document(admin, data, name, title="正式文件")
    assert response.status_code == 302, response.context["form"].errors
    document = Document.objects.get(title="正式文件")
    assert document.file_extension == name.rsplit(".", 1)[1]
    with document.open_file() as stored:
        assert stored.read() == data


def test_multiple_document_upload_refuses_a_pdf_with_javascript(admin):
    """The multiple uploader refuses what the single form refuses, with the reason."""
    response = post_multiple(
        admin, "wagtaildocs:add_multiple", pdf(with_javascript), "通知.pdf"
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "PDF 含有脚本" in answer["error_message"]
    assert not Document.objects.exists()
    assert not UploadedFile.objects.exists()


def test_short_doc_naming_a_server_file_is_refused(admin):
    """A tiny .doc whose content is the path of an OLE file on the server is refused."""
    genuine = ole({"WordDocument": WORD_STREAM})
    assert post_document(admin, genuine, "正本.doc", title="正本").status_code == 302
    path = Document.objects.get(title="正本").file.path.encode()
    assert len(path) < 1536
    response = post_document(admin, path, "伪造.doc", title="伪造")
    assert response.status_code == 200
    assert not Document.objects.filter(title="伪造").exists()


def test_refused_document_shows_only_the_reason(admin):
    """A refused document shows its reason, not an error about an empty extension."""
    response = post_document(admin, zipped({"a.txt": b"x"}), "通知.pdf")
    assert response.context["form"].errors["file"] == ["文件内容不是 PDF。"]


# clean_uploads ---------------------------------------------------------------------


def age(name: str, hours: float) -> None:
    """Set a stored file's modification time to `hours` ago."""
    moment = time.time() - hours * 3600
    os.utime(default_storage.path(name), (moment, moment))


def upload_row(name: str, hours: float) -> UploadedFile:
    row = UploadedFile.objects.create(file=ContentFile(b"\xff\xd8 draft", name=name))
    assert row.file.name.startswith("wagtail_uploads/")
    age(row.file.name, hours)
    return row


def stray_file(name: str, hours: float) -> str:
    stored = default_storage.save(f"wagtail_uploads/{name}", ContentFile(b"left"))
    age(stored, hours)
    return stored


def clean_uploads(*args: str) -> str:
    out = io.StringIO()
    call_command("clean_uploads", *args, stdout=out)
    return out.getvalue()


def test_clean_uploads_deletes_only_abandoned_uploads():
    """Uploads older than a day go, files and rows; fresh ones stay; twice is safe."""
    old_rows = [upload_row("旧上传.jpg", 72), upload_row("old.pdf", 30)]
    fresh_row = upload_row("fresh.jpg", 0)
    old_stray = stray_file("stray-old.jpg", 72)
    fresh_stray = stray_file("stray-new.jpg", 1)
    old_names = [row.file.name for row in old_rows] + [old_stray]

    output = clean_uploads()
    assert "Deleted 3 abandoned upload file(s) and 2 record(s)" in output
    for name in old_names:
        assert not default_storage.exists(name), name
    assert list(UploadedFile.objects.values_list("pk", flat=True)) == [fresh_row.pk]
    assert default_storage.exists(fresh_row.file.name)
    assert default_storage.exists(fresh_stray)

    again = clean_uploads()
    assert "Deleted 0 abandoned upload file(s) and 0 record(s)" in again
    assert UploadedFile.objects.get().pk == fresh_row.pk
    assert default_storage.exists(fresh_row.file.name)
    assert default_storage.exists(fresh_stray)
    for name in (fresh_row.file.name, fresh_stray):
        default_storage.delete(name)  # MEDIA_ROOT outlives the test database


def test_clean_uploads_hours_option():
    """--hours 1 removes a two-hour-old upload and keeps one from ten minutes ago."""
    older = upload_row("two-hours.jpg", 2)
    newer = upload_row("ten-minutes.jpg", 1 / 6)
    assert clean_uploads("--hours", "1").startswith("Deleted 1 abandoned upload")
    assert not default_storage.exists(older.file.name)
    assert not UploadedFile.objects.filter(pk=older.pk).exists()
    assert UploadedFile.objects.filter(pk=newer.pk).exists()
    assert default_storage.exists(newer.file.name)
    default_storage.delete(newer.file.name)


def test_clean_uploads_removes_a_row_whose_file_is_gone():
    """A row whose file was already removed is dropped, whatever its age."""
    row = upload_row("vanished.jpg", 0)
    default_storage.delete(row.file.name)
    assert "and 1 record(s)" in clean_uploads()
    assert not UploadedFile.objects.exists()
