"""REDIS_URL switches the cache to a real Redis server (started here when installed)."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import override_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    port = free_port()
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            server,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    process.terminate()
    process.wait(timeout=10)


def test_settings_pick_redis_from_the_environment(monkeypatch):
    import importlib

    import cms.settings.base as base

    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6390/1")
    reloaded = importlib.reload(base)
    try:
        cache = reloaded.CACHES["default"]
        assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
        assert cache["LOCATION"] == "redis://127.0.0.1:6390/1"
    finally:
        monkeypatch.delenv("REDIS_URL")
        importlib.reload(base)


@pytest.mark.django_db
def test_pages_render_with_the_redis_cache(client, tree, redis_url):
    redis_cache = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    }
    with override_settings(CACHES=redis_cache):
        caches["default"].clear()
        assert client.get("/").status_code == 200
        caches["default"].set("jingwu-probe", {"站点": "市公安局"}, 30)
        assert caches["default"].get("jingwu-probe") == {"站点": "市公安局"}
        # Wagtail stored the site's root paths in Redis while serving the page.
        keys = caches["default"]._cache.get_client().keys("*")
        assert any(b"wagtail_site_root_paths" in key for key in keys)
