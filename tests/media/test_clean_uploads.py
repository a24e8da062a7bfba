"""clean_uploads removes what the multiple uploader left behind, and only that."""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.models import UploadedFile

pytestmark = pytest.mark.django_db


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
