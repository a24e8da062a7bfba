"""Shared fixtures: a small real page tree and signed-in staff."""

import pytest
from django.contrib.auth import get_user_model

from tests.factories import make_site


@pytest.fixture
def tree(db):
    """A published home page with the four sections and one guide category."""
    return make_site()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "root", "root@example.invalid", "pw"
    )
