"""Editors' groups, their permissions, the approval workflow and the demo admin."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "编辑"
MODERATORS = "审核员"
ADMINISTRATORS = "管理员"
WORKFLOW_NAME = "新闻与公开审核"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINISTRATORS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
COLLECTION_PERMISSIONS = [
    "add_image",
    "change_image",
    "choose_image",
    "add_document",
    "change_document",
    "choose_document",
]
MODEL_PERMISSIONS = {
    EDITORS: ["wagtailadmin.access_admin", "media.add_video", "media.change_video"],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "media.add_video",
        "media.change_video",
        "media.delete_video",
    ],
    ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        "media.add_video",
        "media.change_video",
        "media.delete_video",
        "cms.change_sitesettings",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailsearchpromotions.add_query",
        "wagtailsearchpromotions.change_query",
    ],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups(root: Page) -> dict[str, Group]:
    """Create the three staff groups with their permissions (idempotent)."""
    groups = {}
    root_collection = Collection.get_first_root_node()
    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[_permission(p) for p in MODEL_PERMISSIONS[name]])
        for codename in page_codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
        for codename in COLLECTION_PERMISSIONS:
            app = "wagtailimages" if codename.endswith("image") else "wagtaildocs"
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection=root_collection,
                permission=Permission.objects.get(
                    content_type__app_label=app, codename=codename
                ),
            )
        groups[name] = group
    return groups


def ensure_workflow(moderators: Group, pages: list[Page]) -> Workflow:
    """Editors submit, moderators approve: for the news and transparency sections."""
    task, _ = GroupApprovalTask.objects.get_or_create(name="审核员审批")
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task=task, defaults={"sort_order": 0}
    )
    for page in pages:
        WorkflowPage.objects.update_or_create(
            page=page, defaults={"workflow": workflow}
        )
    return workflow


def ensure_admin(groups: dict[str, Group]) -> tuple[str, str | None]:
    """Create the demo superuser once; return its name and the password when new."""
    username = os.environ.get("JINGWU_ADMIN_USERNAME", "admin")
    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        return username, None
    password = os.environ.get("JINGWU_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    user = user_model.objects.create_superuser(
        username, f"{username}@jingwu.invalid", password
    )
    user.groups.add(groups[ADMINISTRATORS])
    return username, password
