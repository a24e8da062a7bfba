"""The staff workbench in the Wagtail admin: cases listed, read, moved on, exported."""

from .audit import register as register_log_actions
from .viewset import CaseViewSet

__all__ = ["CaseViewSet", "register_log_actions"]
