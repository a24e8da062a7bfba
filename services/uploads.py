"""Citizens' uploads: checked by content against the field's allowed types, then kept
privately (CaseFile, STORAGES["private"]) until the case is submitted."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image as PILImage

from media.documents import check_pdf
from media.images import clean_picture

# What the first bytes of each allowed type look like.
SIGNATURES = {
    "jpg": (b"\xff\xd8\xff",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "pdf": (b"%PDF-",),
}
PICTURE_FORMATS = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}
CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "pdf": "application/pdf",
}


def sniff(head: bytes) -> str | None:
    """The allowed type a file's first bytes show, if any."""
    for kind, signatures in SIGNATURES.items():
        if head.startswith(signatures):
            return kind
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    return None


def type_names(kinds) -> str:
    return "、".join(kind.upper() for kind in kinds)


def check_upload(field: dict, upload) -> ContentFile:
    """The checked file (pictures re-saved without EXIF), or a ValidationError."""
    if upload.size > field["max_size"]:
        raise ValidationError(
            _("文件过大：每个文件不能超过 %(mb)d MB。")
            % {"mb": field["max_size"] // (1024 * 1024)}
        )
    upload.seek(0)
    data = upload.read()
    kind = sniff(data[:16])
    if kind not in field["allowed_types"]:
        raise ValidationError(
            _("文件内容不是允许的类型（%(types)s），请检查后重新上传。")
            % {"types": type_names(field["allowed_types"])}
        )
    if kind == "pdf":
        check_pdf(data)
        content = data
    else:
        try:
            picture = clean_picture(upload)
        except PILImage.DecompressionBombError as error:
            raise ValidationError(_("图片尺寸过大。")) from error
        with PILImage.open(io.BytesIO(picture.read())) as opened:
            if opened.format != PICTURE_FORMATS[kind]:
                raise ValidationError(_("图片文件已损坏或不完整，请重新导出后上传。"))
        picture.seek(0)
        content = picture.read()
    stem = (upload.name or "file").rsplit(".", 1)[0][:60] or "file"
    checked = ContentFile(content, name=f"{stem}.{kind}")
    checked.content_type = CONTENT_TYPES[kind]
    return checked


def store(page, field: dict, checked: ContentFile):
    """Keep a checked upload privately, not yet attached to a case; its token."""
    from .models import CaseFile

    case_file = CaseFile(
        page=page,
        field_key=field["key"],
        name=checked.name,
        content_type=checked.content_type,
        size=checked.size,
    )
    case_file.file.save(
        f"{case_file.token[:12]}.{checked.name.rsplit('.', 1)[-1]}", checked, save=False
    )
    case_file.save()
    return case_file
