"""The user model: staff and, later, citizens signing in once for every service."""

import re

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def full_name(first_name: str, last_name: str) -> str:
    """A person's name in their own order: 王小明 (family first, no space) for Chinese
    names, "Ming Wang" for others."""
    first, last = first_name.strip(), last_name.strip()
    if HAN.search(first + last):
        return f"{last}{first}"
    return f"{first} {last}".strip()


class User(AbstractUser):
    """A person who signs in: an editor, a moderator or a citizen."""

    display_name = models.CharField(_("显示名称"), max_length=100, blank=True)

    class Meta(AbstractUser.Meta):
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        swappable = "AUTH_USER_MODEL"

    def get_full_name(self) -> str:
        """The display name when set, else the name in the order its script uses."""
        return self.display_name.strip() or full_name(self.first_name, self.last_name)
