"""Shared fixtures: a small real page tree and signed-in staff."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page

from tests.factories import make_site

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: rate limits and lookup budgets spent by
    one test (the live-server tests share a process) never refuse the next one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def tree(db):
    """A published home page with the four sections and one guide category."""
    return make_site()


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser(
        "root", "root@example.invalid", "pw"
    )


@pytest.fixture
def staff(tree):
    """An editor (编辑) and a moderator (审核员), in the demo's groups and workflow."""
    from cms.demo import people

    root = Page.get_first_root_node()
    groups = people.ensure_groups(root, configure=True)
    people.ensure_workflow(groups[people.MODERATORS], root, configure=True)
    users = {}
    for name, group in (("editor", people.EDITORS), ("moderator", people.MODERATORS)):
        user = get_user_model().objects.create_user(name, f"{name}@x.invalid", "pw")
        user.groups.add(groups[group])
        users[name] = user
    return users
