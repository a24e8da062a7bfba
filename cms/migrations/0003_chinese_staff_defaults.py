"""Wagtail's default groups, workflow and root collection, under Chinese names.

Wagtail's migrations create the groups "Moderators" and "Editors", a "Moderators
approval" workflow on the root page, a root page and a collection both called "Root".
Editors here work in Chinese: the groups become 审核员 and 编辑 (merged into groups of
those names when they already exist), the workflow 内容发布审核 with the task
审核员审批, the root page 全部站点 and the collection 全部. Names an administrator has
already changed are left alone.

It runs after every Wagtail migration that grants permissions to the groups by their
English names (admin access, images, documents), or those grants would find nothing.
"""

from django.db import migrations

GROUPS = {"Moderators": "审核员", "Editors": "编辑"}
WORKFLOW = ("Moderators approval", "内容发布审核")
TASK = ("Moderators approval", "审核员审批")
COLLECTION = ("Root", "全部")
ROOT_PAGE = ("Root", "全部站点")


def rename(apps, schema_editor, forward=True):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    Collection = apps.get_model("wagtailcore", "Collection")
    Page = apps.get_model("wagtailcore", "Page")
    pairs = GROUPS.items() if forward else [(b, a) for a, b in GROUPS.items()]
    for old_name, new_name in pairs:
        old = Group.objects.filter(name=old_name).first()
        if old is None:
            continue
        new = Group.objects.filter(name=new_name).first()
        if new is None:
            old.name = new_name
            old.save(update_fields=["name"])
            continue
        # Both exist (an earlier demo made the Chinese one): merge into it.
        new.permissions.add(*old.permissions.all())
        new.user_set.add(*old.user_set.all())
        for task in GroupApprovalTask.objects.filter(groups=old):
            task.groups.add(new)
        for model, target in (
            (GroupPagePermission, "page"),
            (GroupCollectionPermission, "collection"),
        ):
            for row in model.objects.filter(group=old):
                model.objects.get_or_create(
                    group=new,
                    permission=row.permission,
                    **{target: getattr(row, target)},
                )
        old.delete()
    for model, (old_name, new_name) in ((Workflow, WORKFLOW), (Task, TASK)):
        if not forward:
            old_name, new_name = new_name, old_name
        model.objects.filter(name=old_name).update(name=new_name)
    old_name, new_name = COLLECTION if forward else COLLECTION[::-1]
    Collection.objects.filter(depth=1, name=old_name).update(name=new_name)
    old_name, new_name = ROOT_PAGE if forward else ROOT_PAGE[::-1]
    Page.objects.filter(depth=1, title=old_name).update(
        title=new_name, draft_title=new_name
    )


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_pages"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(rename, rename_back)]
