"""The admin's upload forms for images and documents, with content checks."""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .documents import check_document
from .images import BROKEN, clean_picture


def refuse_unreadable(to_python):
    """Wrap WagtailImageField.to_python: a file it cannot decode is a form error.

    Wagtail reads the size through Willow, which decodes the whole picture; a
    truncated file raises OSError there, which Wagtail lets through (a 500).
    """

    def checked(data):
        try:
            return to_python(data)
        except OSError as error:
            raise ValidationError(BROKEN, code="broken_image") from error

    return checked


class ImageForm(BaseImageForm):
    """Wagtail's image form; the picture is checked whole and stripped of metadata."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            field.to_python = refuse_unreadable(field.to_python)

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # no new file: the stored one was checked on upload
        return clean_picture(upload)


class DocumentForm(BaseDocumentForm):
    """Wagtail's document form; the content must match the extension."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        upload.seek(0)
        check_document(upload.name, upload.read())
        upload.seek(0)
        return upload
