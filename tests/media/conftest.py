"""Fixtures of the media tests."""

import pytest


@pytest.fixture
def admin(client, superuser):
    """The test client, signed in as a superuser."""
    client.force_login(superuser)
    return client
