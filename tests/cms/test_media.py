"""Videos on the home page and in articles; editors translating pages."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from media.models import Video
from tests.factories import make_image, make_news

pytestmark = pytest.mark.django_db


def make_video(name: str = "promo.mp4") -> Video:
    video = Video(
        title="宣传片", poster=make_image("封面"), transcript="市公安局宣传片文字稿"
    )
    video.file.save(name, ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    video.full_clean()
    video.save()
    return video


def test_home_page_plays_the_promotional_video_muted_without_autoplay(client, tree):
    video = make_video()
    tree["home"].hero_video = video
    tree["home"].save_revision().publish()
    html = client.get("/").content.decode()
    assert f'<source src="{video.file.url}" type="video/mp4">' in html
    tag = html[html.index("<video") : html.index(">", html.index("<video"))]
    assert "muted" in tag and "autoplay" not in tag and "poster=" in tag


def test_video_block_in_an_article(client, tree):
    video = make_video("clip.webm")
    page = make_news(
        tree["news"], body=[("video", {"video": video, "caption": "现场视频"})]
    )
    html = client.get(page.url).content.decode()
    assert 'type="video/webm"' in html
    assert "现场视频" in html and "市公安局宣传片文字稿" in html


def test_only_video_files_are_accepted():
    video = Video(title="不是视频")
    video.file.save("notes.exe", ContentFile(b"MZ"), save=False)
    with pytest.raises(ValidationError):
        video.full_clean()


def test_editors_can_translate_a_page_in_the_admin(client, tree, superuser):
    from wagtail.models import Locale

    en = Locale.objects.create(language_code="en")
    client.force_login(superuser)
    for page in (tree["home"], tree["guides"]):  # the parent first, as editors do
        url = reverse("simple_translation:submit_page_translation", args=(page.pk,))
        assert client.get(url).status_code == 200
        assert client.post(url, {"locales": [en.pk]}).status_code == 302
    translation = tree["guides"].get_translation(en)
    assert translation.title == "网上办事"  # a copy for the editor to translate
    assert translation.get_parent().specific.locale == en
