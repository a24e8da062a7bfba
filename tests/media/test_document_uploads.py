"""The admin's document uploads refuse disguised and active files."""

import pytest
from django.core.files.base import ContentFile
from wagtail.models import UploadedFile

from media.models import Document
from tests.media.uploads import (
    CONTENT_TYPES,
    EXCEL_STREAM,
    HTML,
    WORD_STREAM,
    docx,
    odt,
    ole,
    pdf,
    post_multiple,
    root_collection,
    with_attachment,
    with_direct_launch,
    with_escaped_names,
    with_javascript,
    with_launch,
    xlsx,
    zip_bomb,
    zipped,
)

pytestmark = pytest.mark.django_db


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
    "build",
    [
        lambda: pdf(with_launch),
        lambda: pdf(with_attachment),
        lambda: pdf(with_direct_launch),
        lambda: with_escaped_names(pdf()),
    ],
    ids=["launch", "file", "direct-launch", "escaped-javascript"],
)
def test_pdf_that_launches_a_program_or_carries_a_file_is_refused(admin, build):
    """A PDF that starts a program or a script when opened, or carries a file."""
    data = build()
    assert b"/OpenAction" in data or b"/EmbeddedFile" in data  # really built
    response = post_document(admin, data, "通知.pdf")
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
