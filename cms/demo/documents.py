"""Demo documents: small text and CSV files written in code."""

import hashlib

from django.core.files.base import ContentFile

from media.models import Document


def make_document(title: str, text: str, extension: str = "txt") -> Document:
    """Create (or reuse, by title) a UTF-8 document with the given text."""
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    data = ("\ufeff" if extension == "csv" else "") + text
    name = hashlib.sha1(title.encode(), usedforsecurity=False).hexdigest()[:12]
    document.file.save(
        f"demo-{name}.{extension}", ContentFile(data.encode("utf-8")), save=False
    )
    document.save()
    return document
