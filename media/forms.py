"""The admin's upload forms for images and documents, with content checks."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .documents import check_document
from .images import clean_picture


class ImageForm(BaseImageForm):
    """Wagtail's image form; the picture is checked whole and stripped of metadata."""

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
