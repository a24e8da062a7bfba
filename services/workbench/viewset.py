"""The workbench's URLs under /admin/cases/, its menu and the permissions it grants.

A ModelViewSet without its create, edit, copy and delete views: a case is made by
logic.submit and changes only through logic.change_status (the status form) and,
for a question, logic.publish_answer (the answer form).
Seams of ModelViewSet we override, and why:

- get_common_view_kwargs: no add/edit/delete/usage URL names, which IndexView would
  otherwise reverse for users holding those permissions;
- get_urlpatterns: our own set (detail, reveal, status, answer, download, history,
  stats);
- url_finder_class: Wagtail's reports and history link a case to its detail page;
- get_permissions_to_register: view, change and reveal only, for the group editor;
- get_menu_item: a 办件 submenu (list, statistics) instead of one item.
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import Submission
from . import detail, listing, stats

GRANTABLE = ["view_submission", "change_submission", "reveal_personal_data"]


def can_see_cases(user) -> bool:
    return user.has_perm("services.view_submission") or user.has_perm(
        "services.change_submission"
    )


class CaseMenuItem(MenuItem):
    """Shown to staff who may see cases."""

    def is_shown(self, request):
        return can_see_cases(request.user)


class CaseURLFinder(ModelAdminURLFinder):
    """Links from Wagtail's reports and history to the case page (there is no edit)."""

    edit_url_name = "cases:inspect"

    def get_edit_url(self, instance):
        if self.user and not can_see_cases(self.user):
            return None
        return self.construct_edit_url(instance)


class CaseViewSet(ModelViewSet):
    """Cases in the admin: list, detail, status, files, export, statistics."""

    model = Submission
    name = "cases"
    icon = "form"
    index_view_class = listing.CaseIndexView
    inspect_view_class = detail.CaseDetailView
    history_view_class = detail.CaseHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    add_to_reference_index = False
    list_per_page = 30
    ordering = "-submit_time"
    url_finder_class = CaseURLFinder
    add_to_admin_menu = True

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            add_url_name=None,
            edit_url_name=None,
            delete_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            stats_url_name=self.get_url_name("stats"), **kwargs
        )

    def case_view_kwargs(self) -> dict:
        return {
            "index_url_name": self.get_url_name("index"),
            "inspect_url_name": self.get_url_name("inspect"),
            "history_url_name": self.get_url_name("history"),
            "reveal_url_name": self.get_url_name("reveal"),
            "status_url_name": self.get_url_name("status"),
            "answer_url_name": self.get_url_name("answer"),
            "download_url_name": self.get_url_name("download"),
            "header_icon": self.icon,
        }

    def get_inspect_view_kwargs(self, **kwargs):
        return self.case_view_kwargs() | kwargs

    def get_history_view_kwargs(self, **kwargs):
        return super().get_history_view_kwargs(
            inspect_url_name=self.get_url_name("inspect"), **kwargs
        )

    def get_urlpatterns(self):
        def case_view(view_class):
            return self.construct_view(view_class, **self.case_view_kwargs())

        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "stats/",
                self.construct_view(
                    stats.StatsView, index_url_name=self.get_url_name("index")
                ),
                name="stats",
            ),
            path("<int:pk>/", self.inspect_view, name="inspect"),
            path("<int:pk>/reveal/", case_view(detail.RevealView), name="reveal"),
            path("<int:pk>/status/", case_view(detail.StatusView), name="status"),
            path(
                "<int:pk>/answer/", case_view(detail.PublishAnswerView), name="answer"
            ),
            path(
                "<int:pk>/files/<int:file_pk>/",
                case_view(detail.FileDownloadView),
                name="download",
            ),
            path("<int:pk>/history/", self.history_view, name="history"),
            path(
                "<int:pk>/history/results/",
                self.history_results_view,
                name="history_results",
            ),
        ]

    def get_permissions_to_register(self):
        """View, change and reveal, for the group editor (cases are never added or
        deleted by hand)."""
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(Submission),
            codename__in=GRANTABLE,
        )

    def get_menu_item(self, order=None):
        """办件 in the sidebar, after Pages: the list and the statistics."""
        return SubmenuMenuItem(
            _("办件"),
            Menu(
                items=[
                    CaseMenuItem(
                        _("办件列表"),
                        reverse(self.get_url_name("index")),
                        name="cases-list",
                        icon_name="list-ul",
                        order=1,
                    ),
                    CaseMenuItem(
                        _("办件统计"),
                        reverse(self.get_url_name("stats")),
                        name="cases-stats",
                        icon_name="table",
                        order=2,
                    ),
                ]
            ),
            name="cases",
            icon_name=self.icon,
            order=150,
        )
