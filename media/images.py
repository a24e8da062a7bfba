"""Uploaded pictures: fully readable, and stripped of EXIF and GPS metadata.

A phone photo carries where and when it was taken and the device; Wagtail keeps that
in the original and copies it into every rendition. On upload the picture is decoded
completely (a truncated file is refused instead of failing later when a thumbnail is
made) and written again without metadata, keeping its colour profile.
"""

import io

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

BROKEN = _("图片文件已损坏或不完整，请重新导出后上传。")
SAVE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "AVIF"}
# A phone's multi-picture JPEG (MPO) is kept as its main picture, a plain JPEG.
SAVE_AS = {"MPO": "JPEG"}
ANIMATED = {"GIF", "WEBP", "AVIF"}


def clean_picture(upload) -> SimpleUploadedFile:
    """The upload decoded and re-saved without metadata; ValidationError if broken."""
    upload.seek(0)
    data = upload.read()
    try:
        with Image.open(io.BytesIO(data)) as picture:
            picture.load()  # decode every byte: truncated files raise here
            image_format = SAVE_AS.get(picture.format, picture.format)
            if image_format not in SAVE_FORMATS:
                raise ValueError(f"unsupported format {picture.format}")
            return _resave(upload.name, picture, image_format)
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError) as error:
        raise ValidationError(BROKEN, code="broken_image") from error


def _resave(name: str, picture: Image.Image, image_format: str) -> SimpleUploadedFile:
    options: dict = {}
    if picture.info.get("icc_profile"):
        options["icc_profile"] = picture.info["icc_profile"]
    if image_format == "JPEG":
        upright = ImageOps.exif_transpose(picture)
        if upright is picture and picture.format == "JPEG":
            # Same quantisation tables as the upload: no visible loss.
            options.update(quality="keep", subsampling="keep")
        else:
            picture, options["quality"] = upright, 92
    elif image_format in ANIMATED and getattr(picture, "n_frames", 1) > 1:
        options.update(save_all=True, loop=picture.info.get("loop", 0))
        if "duration" in picture.info:
            options["duration"] = picture.info["duration"]
    if image_format in {"WEBP", "AVIF"}:
        options.setdefault("quality", 90)
    buffer = io.BytesIO()
    picture.save(buffer, image_format, **options)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=_mime(image_format))


def _mime(image_format: str) -> str:
    return Image.MIME.get(image_format, "application/octet-stream")


def has_metadata(data: bytes) -> bool:
    """Whether a picture carries EXIF data (the tests check uploads with it)."""
    with Image.open(io.BytesIO(data)) as picture:
        return bool(picture.getexif()) or "exif" in picture.info
