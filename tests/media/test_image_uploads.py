"""The admin's image uploads refuse broken files and strip photo metadata."""

import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image as PILImage
from wagtail.models import UploadedFile

from media.images import has_metadata
from media.models import Image
from tests.media.uploads import picture, post_multiple, root_collection, truncated

pytestmark = pytest.mark.django_db

BROKEN_IMAGE = "图片文件已损坏或不完整"
GPS_EXIF = {
    0x010F: "PhoneMaker",
    0x8825: {2: (39.0, 54.0, 27.0), 4: (116.0, 23.0, 30.0)},
}


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
