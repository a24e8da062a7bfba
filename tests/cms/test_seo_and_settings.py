"""sitemap.xml, robots.txt, and production settings that refuse unsafe configuration."""

import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.factories import make_guide

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET = "x" * 30 + "-jingwu-test-secret-" + "y" * 30


def run_manage(*args, **env) -> subprocess.CompletedProcess:
    unwanted = {"SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in unwanted}
    environment.update(env)
    environment["DJANGO_SETTINGS_MODULE"] = "cms.settings.production"
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_sitemap_lists_live_pages(client, tree):
    guide = make_guide(tree["category"], title="临时身份证明")
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [
        loc.text
        for loc in ElementTree.fromstring(response.content).findall(
            "s:url/s:loc", namespace
        )
    ]
    assert any(url.endswith(guide.url) for url in urls)
    assert any(url.endswith("/news/") for url in urls)


@pytest.mark.django_db
def test_robots_points_at_the_sitemap_and_hides_the_admin(client, tree):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", ALLOWED_HOSTS="police.example")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", SECRET_KEY=SECRET)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must name" in result.stderr


def test_deploy_check_is_clean():
    result = run_manage(
        "check", "--deploy", SECRET_KEY=SECRET, ALLOWED_HOSTS="police.example"
    )
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr + result.stdout, (
        result.stderr + result.stdout
    )
    assert "System check identified no issues" in result.stdout
