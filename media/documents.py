"""Check an uploaded document's content against its extension.

Wagtail accepts a document by its extension alone, so a ZIP renamed `.pdf`, an HTML
page saved as `.doc` or a PDF that runs JavaScript when opened would all be published.
Each allowed type has a check of what the file really is.
"""

import io
import zipfile
from collections.abc import Callable

import olefile
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

# PDF keys, and values of /S, /Type and /Subtype, that run code, start programs,
# send data away or carry other files when the document is opened.
ACTIVE_PDF_KEYS = {"/JS", "/JavaScript", "/EmbeddedFiles", "/RichMediaContent"}
ACTIVE_PDF_VALUES = {
    "/JavaScript",
    "/Launch",
    "/SubmitForm",
    "/ImportData",
    "/GoToE",
    "/RichMedia",
    "/RichMediaExecute",
    "/EmbeddedFile",
    "/FileAttachment",
}
MAX_PDF_DEPTH = 50
TEXT_ENCODINGS = ("utf-8-sig", "gb18030")
MAX_ZIP_RATIO = 100  # uncompressed / compressed: beyond this, a zip bomb
MAX_ZIP_MEMBERS = 10_000


def fail(message) -> None:
    raise ValidationError(message, code="invalid_document_content")


def check_pdf(data: bytes) -> None:
    if not data.startswith(b"%PDF-"):
        fail(_("文件内容不是 PDF。"))
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        objects = [reader.trailer]
        objects.extend(
            reader.get_object(IndirectObject(number, generation, reader))
            for generation, numbers in reader.xref.items()
            for number in numbers
        )
        objects.extend(
            reader.get_object(IndirectObject(number, 0, reader))
            for number in reader.xref_objStm
        )
    except Exception:  # noqa: BLE001 - a parser fed hostile bytes may raise anything
        fail(_("PDF 文件已损坏，无法读取。"))
    if any(is_active(obj) for obj in objects):
        fail(_("PDF 含有脚本、附件或启动其他程序的动作，不能发布。"))
    # Names can also hide in streams pypdf did not parse as objects.
    if b"/JavaScript" in data or b"/JS " in data or b"/JS(" in data:
        fail(_("PDF 含有脚本、附件或启动其他程序的动作，不能发布。"))


def is_active(obj, depth: int = 0) -> bool:
    """Whether a PDF object holds, at any depth, an action or an embedded file.

    Actions can sit directly inside other dictionaries (`/OpenAction << /S /Launch >>`,
    `/AA`, annotations); pypdf has decoded escaped names (`/Java#53cript`). Indirect
    references are not followed: every indirect object is checked on its own.
    """
    if depth > MAX_PDF_DEPTH:
        return True  # nesting no real document needs: refuse rather than guess
    if isinstance(obj, DictionaryObject):
        if ACTIVE_PDF_KEYS & set(obj.keys()):
            return True
        kinds = {str(obj.get(key)) for key in ("/S", "/Type", "/Subtype")}
        if ACTIVE_PDF_VALUES & kinds:
            return True
        return any(is_active(value, depth + 1) for value in obj.values())
    if isinstance(obj, ArrayObject):
        return any(is_active(value, depth + 1) for value in obj)
    return False


def open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        fail(_("文件内容不是有效的压缩包格式。"))
    if len(members) > MAX_ZIP_MEMBERS:
        fail(_("压缩包内文件过多。"))
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_ZIP_RATIO * max(len(data), 1):
        fail(_("压缩包解压后过大，可能是恶意文件。"))
    return archive


def zip_checker(required: str, forbidden: tuple[str, ...] = ()) -> Callable:
    """A check for an Office Open XML or OpenDocument file (ZIP with known parts)."""

    def check(data: bytes) -> None:
        names = set(open_zip(data).namelist())
        if required not in names:
            fail(_("文件内容与扩展名不符。"))
        if any(name.lower().endswith(forbidden) for name in names):
            fail(_("文件含有宏，不能发布；请另存为不含宏的格式。"))

    return check


def check_opendocument(data: bytes) -> None:
    archive = open_zip(data)
    try:
        mimetype = archive.read("mimetype").strip()
    except KeyError:
        mimetype = b""
    if mimetype != b"application/vnd.oasis.opendocument.text":
        fail(_("文件内容与扩展名不符。"))
    if any(name.startswith("Basic/") for name in archive.namelist()):
        fail(_("文件含有宏，不能发布；请另存为不含宏的格式。"))


def ole_checker(stream: str) -> Callable:
    """A check for a legacy Office file (OLE2) holding the given main stream."""

    def check(data: bytes) -> None:
        # Always a file object: olefile takes short bytes for a path on the server.
        if not olefile.isOleFile(io.BytesIO(data)):
            fail(_("文件内容与扩展名不符。"))
        try:
            with olefile.OleFileIO(io.BytesIO(data)) as ole:
                streams = {"/".join(entry) for entry in ole.listdir()}
        except Exception:  # noqa: BLE001 - a parser fed hostile bytes may raise anything
            fail(_("文件已损坏，无法读取。"))
        if not any(name in streams for name in stream.split("|")):
            fail(_("文件内容与扩展名不符。"))
        if any(
            name.startswith(("Macros", "_VBA_PROJECT_CUR")) or "VBA" in name
            for name in streams
        ):
            fail(_("文件含有宏，不能发布；请另存为不含宏的格式。"))

    return check


def check_rtf(data: bytes) -> None:
    if not data.lstrip(b"\xef\xbb\xbf").startswith(b"{\\rtf"):
        fail(_("文件内容不是 RTF 文档。"))
    if b"\\object" in data:
        fail(_("RTF 文档含有嵌入对象，不能发布。"))


def check_text(data: bytes) -> None:
    if b"\x00" in data:
        fail(_("文件内容不是纯文本。"))
    for encoding in TEXT_ENCODINGS:
        try:
            data.decode(encoding)
            return
        except UnicodeDecodeError:
            continue
    fail(_("文本文件的编码无法识别，请保存为 UTF-8。"))


def check_zip(data: bytes) -> None:
    open_zip(data)


CHECKS: dict[str, Callable[[bytes], None]] = {
    "pdf": check_pdf,
    "docx": zip_checker("word/document.xml", forbidden=("vbaproject.bin",)),
    "xlsx": zip_checker("xl/workbook.xml", forbidden=("vbaproject.bin",)),
    "odt": check_opendocument,
    "doc": ole_checker("WordDocument"),
    "xls": ole_checker("Workbook|Book"),
    "rtf": check_rtf,
    "txt": check_text,
    "csv": check_text,
    "zip": check_zip,
}


def check_document(name: str, data: bytes) -> None:
    """Raise ValidationError unless the content is what the extension says."""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    check = CHECKS.get(extension)
    if check is None:
        fail(_("不支持这种文件类型。"))
    check(data)
