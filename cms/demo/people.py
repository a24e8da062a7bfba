"""Editors' groups, their permissions, the approval workflow and the demo admin.

Everything here is created when missing and configured on the first build only: a
second run of the loader never undoes what an administrator changed since.
"""

import os
import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "编辑"
MODERATORS = "审核员"
ADMINISTRATORS = "管理员"
# The names migration cms.0003 gives Wagtail's default workflow and its task.
WORKFLOW_NAME = "内容发布审核"
TASK_NAME = "审核员审批"

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
APP_HOME = ["mobile.add_apphome", "mobile.change_apphome"]
# The 办件 workbench: handle cases (masked); administrators may also see them whole.
CASES = ["services.view_submission", "services.change_submission"]
# 预约管理: moderators check visitors in and read bookings and figures (masked);
# administrators also set up what can be booked, closures and holiday openings.
BOOKING_DESK = [
    "booking.view_booking",
    "booking.check_in_booking",
    "booking.view_booking_dashboard",
]
BOOKING_SETUP = [
    f"booking.{action}_{model}"
    for model in ("venue", "offer", "closure", "extraopening")
    for action in ("add", "change", "delete")
]
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "media.add_video",
        "media.change_video",
        *APP_HOME,
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "media.add_video",
        "media.change_video",
        "media.delete_video",
        *APP_HOME,
        "mobile.publish_apphome",
        "mobile.lock_apphome",
        "mobile.unlock_apphome",
        *CASES,
        *BOOKING_DESK,
    ],
    ADMINISTRATORS: [
        "wagtailadmin.access_admin",
        "media.add_video",
        "media.change_video",
        "media.delete_video",
        *APP_HOME,
        "mobile.publish_apphome",
        "mobile.lock_apphome",
        "mobile.unlock_apphome",
        "cms.change_sitesettings",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailsearchpromotions.add_query",
        "wagtailsearchpromotions.change_query",
        *CASES,
        "services.reveal_personal_data",
        *BOOKING_DESK,
        *BOOKING_SETUP,
    ],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_groups(root: Page, configure: bool) -> dict[str, Group]:
    """The three staff groups; permissions set when new or when `configure`."""
    groups = {}
    root_collection = Collection.get_first_root_node()
    for name, page_codenames in PAGE_PERMISSIONS.items():
        group, created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if not (created or configure):
            continue
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
    return groups


def ensure_workflow(moderators: Group, root: Page, configure: bool) -> Workflow:
    """Editors submit, moderators approve: one workflow for every page and the app home.

    Migration cms.0003 renames Wagtail's default workflow to WORKFLOW_NAME; this
    creates it only when it is missing, and on the first build makes sure it covers
    the root page and that 审核员 can complete its task.
    """
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None and not configure:
        return workflow
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    tasks = [wt.task.specific for wt in workflow.workflow_tasks.select_related("task")]
    approval = next((t for t in tasks if isinstance(t, GroupApprovalTask)), None)
    if approval is None:
        approval = GroupApprovalTask.objects.create(name=TASK_NAME)
        WorkflowTask.objects.create(
            workflow=workflow, task=approval, sort_order=len(tasks)
        )
    approval.groups.add(moderators)
    WorkflowPage.objects.get_or_create(page=root, defaults={"workflow": workflow})
    # The app's first screen goes through the same approval as the pages.
    app_home = ContentType.objects.get_by_natural_key("mobile", "apphome")
    WorkflowContentType.objects.get_or_create(
        content_type=app_home, defaults={"workflow": workflow}
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
