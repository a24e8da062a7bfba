"""Production settings refuse to start unsafe: each refusal, and a clean check."""

import importlib
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parent.parent.parent
SECRET = "x" * 30 + "-jingwu-test-secret-" + "y" * 30
SAFE = {
    "SECRET_KEY": SECRET,
    "ALLOWED_HOSTS": "police.example",
    "SITE_URL": "https://police.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "TRUSTED_PROXY_COUNT": "1",
    "DATA_ENCRYPTION_KEY": "bW5aR0hRQ1JqS1dXdmRhZ2NzZ3BQZW9RbmRlR3JqZkk=",
    "DATA_HASH_KEY": "h" * 48,
}


def load_production(**env):
    """Import cms.settings.production afresh with exactly this environment."""
    modules = ("cms.settings.base", "cms.settings.production")
    saved = {name: sys.modules.pop(name, None) for name in modules}
    try:
        with mock.patch.dict(os.environ, env, clear=True):
            return importlib.import_module("cms.settings.production")
    finally:
        package = sys.modules["cms.settings"]
        for name, module in saved.items():
            sys.modules.pop(name, None)
            if module is not None:
                sys.modules[name] = module
                # The import also rebound the package attribute: put it back too.
                setattr(package, name.rsplit(".", 1)[1], module)


def without(name: str, **changes) -> dict:
    env = {**SAFE, **changes}
    env.pop(name, None)
    return env


def test_safe_environment_loads():
    settings = load_production(**SAFE)
    assert settings.DEBUG is False
    assert settings.ALLOW_DEMO_RESET is False
    assert settings.SECURE_HSTS_PRELOAD is False  # opt-in
    assert settings.WAGTAILADMIN_BASE_URL == "https://police.example"
    assert settings.WAGTAILAPI_BASE_URL == "https://police.example"
    assert load_production(**SAFE, SECURE_HSTS_PRELOAD="true").SECURE_HSTS_PRELOAD


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (without("SECRET_KEY"), "SECRET_KEY must be set"),
        ({**SAFE, "SECRET_KEY": "short"}, "SECRET_KEY must be set"),
        (without("ALLOWED_HOSTS"), "ALLOWED_HOSTS must name"),
        (without("SITE_URL"), "SITE_URL must be the public address"),
        ({**SAFE, "SITE_URL": "http://127.0.0.1:8000"}, "not a local development"),
        ({**SAFE, "SITE_URL": "http://localhost"}, "not a local development"),
        ({**SAFE, "SITE_URL": "https://police.example:8443"}, "must use port 443"),
        (
            {**SAFE, "WAGTAILADMIN_BASE_URL": "http://127.0.0.1:8000"},
            "WAGTAILADMIN_BASE_URL",
        ),
        ({**SAFE, "WAGTAILAPI_BASE_URL": "ftp://police.example"}, "WAGTAILAPI"),
        (without("REDIS_URL"), "REDIS_URL must be set"),
        (without("DATA_ENCRYPTION_KEY"), "DATA_ENCRYPTION_KEY must be set"),
        (without("DATA_HASH_KEY"), "DATA_HASH_KEY must be set"),
        ({**SAFE, "SEAL_FILING_URL": "http://filing.example/"}, "must be https"),
        ({**SAFE, "DATA_HASH_KEY": "short"}, "DATA_HASH_KEY must be set"),
        (without("TRUSTED_PROXY_COUNT"), "TRUSTED_PROXY_COUNT must be"),
        ({**SAFE, "TRUSTED_PROXY_COUNT": "0"}, "TRUSTED_PROXY_COUNT must be"),
        (without("EMAIL_BACKEND"), "console.EmailBackend"),
        (
            {**SAFE, "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend"},
            "notifications would never leave",
        ),
    ],
)
def test_refuses_to_start(env, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        load_production(**env)


def test_deploy_check_is_clean():
    """The real entry point: manage.py check --deploy, in a process of its own."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {*SAFE, "DATABASE_URL"}
    }
    environment.update(SAFE, DJANGO_SETTINGS_MODULE="cms.settings.production")
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    output = result.stderr + result.stdout
    assert "WARNINGS" not in output, output
    assert "System check identified no issues" in result.stdout
