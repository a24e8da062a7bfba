"""Admin for cases (办件): the staff workbench, its permissions and audit actions."""

from wagtail import hooks

from .workbench import CaseViewSet, register_log_actions


@hooks.register("register_admin_viewset")
def register_case_viewset():
    return CaseViewSet()


@hooks.register("register_log_actions")
def register_case_log_actions(actions):
    register_log_actions(actions)
