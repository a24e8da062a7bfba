"""The live site the browser tests open (the browser itself: tests/browser.py)."""

import pytest


@pytest.fixture
def site(transactional_db, live_server):
    """The demo-like tree served over real HTTP on 127.0.0.1."""
    from tests.factories import make_guide, make_news, make_site

    tree = make_site()
    tree["guide"] = make_guide(tree["category"], title="普通护照申领", popular=True)
    tree["article"] = make_news(tree["news"], title="冬季道路交通安全提示", pinned=True)
    home = tree["home"]
    home.sections = [
        ("link", {"title": p.title, "page": p, "icon": "news", "description": "说明"})
        for p in (
            tree["news"],
            tree["transparency"],
            tree["guides"],
            tree["interaction"],
        )
    ]
    home.quick_links = [("link", {"title": "普通护照申领", "page": tree["guide"]})]
    home.save_revision().publish()
    tree["url"] = live_server.url
    return tree
