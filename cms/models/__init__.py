"""Models of the site package: users, base page, home, transparency, settings."""

from .base import BasePage
from .home import HomePage, StandardPage
from .site_settings import SiteSettings
from .transparency import (
    DisclosureCategory,
    TransparencyIndexPage,
    TransparencyPage,
    Validity,
)
from .users import User

__all__ = [
    "BasePage",
    "DisclosureCategory",
    "HomePage",
    "SiteSettings",
    "StandardPage",
    "TransparencyIndexPage",
    "TransparencyPage",
    "User",
    "Validity",
]
