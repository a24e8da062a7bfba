"""Custom image, rendition, document and video models (swappable from the start)."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage
from wagtail.search import index

VIDEO_EXTENSIONS = ["mp4", "webm"]


def uploaded_by_field() -> models.ForeignKey:
    """The uploader link, renamed so it cannot clash with Wagtail's own models."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("上传者"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )


class Image(AbstractImage):
    """An image in the media library, with a caption and a credit line."""

    uploaded_by_user = uploaded_by_field()
    tags = TaggableManager(
        help_text=None, blank=True, verbose_name=_("标签"), related_name="media_images"
    )
    caption = models.CharField(_("说明"), max_length=255, blank=True)
    credit = models.CharField(_("来源"), max_length=255, blank=True)

    admin_form_fields = WagtailImage.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("图片")
        verbose_name_plural = _("图片")


class Rendition(AbstractRendition):
    """A resized copy of an Image."""

    image = models.ForeignKey(
        Image, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class Document(AbstractDocument):
    """A downloadable file: forms, notices, attachments."""

    uploaded_by_user = uploaded_by_field()
    tags = TaggableManager(
        help_text=None,
        blank=True,
        verbose_name=_("标签"),
        related_name="media_documents",
    )
    description = models.CharField(_("说明"), max_length=255, blank=True)

    admin_form_fields = WagtailDocument.admin_form_fields + ("description",)

    class Meta(AbstractDocument.Meta):
        verbose_name = _("文档")
        verbose_name_plural = _("文档")

    def clean(self):
        """Wagtail's extension check, unless the form already refused the file.

        A refused upload leaves the file empty; checking the extension of nothing
        would add a second, misleading error under the first.
        """
        if self.file:
            super().clean()


class Video(index.Indexed, models.Model):
    """A video file served from the media library, with a poster and a transcript."""

    title = models.CharField(_("标题"), max_length=255)
    file = models.FileField(
        _("视频文件"),
        upload_to="videos/",
        validators=[FileExtensionValidator(VIDEO_EXTENSIONS)],
        help_text=_("MP4 或 WebM 格式。"),
    )
    poster = models.ForeignKey(
        Image,
        verbose_name=_("封面图"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = models.TextField(
        _("文字稿"), blank=True, help_text=_("供无法观看视频的读者阅读。")
    )
    created_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("视频")
        verbose_name_plural = _("视频")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def mime_type(self) -> str:
        """The MIME type the browser needs in a <source> element."""
        return "video/webm" if self.file.name.lower().endswith(".webm") else "video/mp4"
