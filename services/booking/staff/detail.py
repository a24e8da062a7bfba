"""One booking as staff read it: masked, revealed whole on request (audited), and
its history in Wagtail's log."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import history
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import HeaderButton

from services import references
from services.crypto import decrypt
from services.identity import mask_phone

from ..models import Booking
from . import access, audit
from .display import slot_text


class BookingMixin(PermissionCheckedMixin):
    """The booking of the URL, for staff who may see bookings."""

    model = Booking
    permission_required = "view"
    index_url_name = None
    inspect_url_name = None
    reveal_url_name = None
    history_url_name = None

    @cached_property
    def object(self) -> Booking:
        # After the permission check (in the handler): no telling what exists.
        return get_object_or_404(
            Booking.objects.select_related("offer__venue", "slot", "checked_in_by"),
            pk=self.kwargs["pk"],
        )


class BookingDetailView(BookingMixin, WagtailAdminTemplateMixin, TemplateView):
    """One booking and its party, masked; staff who may can reveal it, audited."""

    template_name = "booking/staff/booking_detail.html"
    header_icon = "list-ul"
    revealed = False

    def get_page_title(self):
        return _("预约 %(token)s") % {"token": references.display(self.object.token)}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(self.index_url_name), "label": _("预约记录")},
            {"url": "", "label": references.display(self.object.token)},
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("访问记录"),
                url=reverse(self.history_url_name, args=[self.object.pk]),
                icon_name="history",
            )
        ]

    def visitors(self) -> list[dict]:
        rows = []
        for visitor in self.object.visitors.all():
            rows.append(
                {
                    "position": visitor.position + 1,
                    "name": decrypt(visitor.name)
                    if self.revealed and visitor.name
                    else visitor.name_masked,
                    "document_type": visitor.get_document_type_display(),
                    "document": decrypt(visitor.document)
                    if self.revealed and visitor.document
                    else visitor.document_masked,
                    "minor": visitor.minor,
                }
            )
        return rows

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = self.object
        phone = decrypt(booking.phone) if booking.phone else ""
        context.update(
            booking=booking,
            token=references.display(booking.token),
            slot=slot_text(booking),
            phone=phone if self.revealed else mask_phone(phone),
            visitors=self.visitors(),
            revealed=self.revealed,
            can_reveal=self.request.user.has_perm(access.REVEAL)
            and booking.purged_at is None,
            reveal_url=reverse(self.reveal_url_name, args=[booking.pk]),
            booking_url=reverse(self.inspect_url_name, args=[booking.pk]),
        )
        return context


class RevealView(BookingDetailView):
    """POST: the same page with full names, numbers and phone, once; audited."""

    http_method_names = ["post"]
    revealed = True

    def post(self, request, *args, **kwargs):
        if not request.user.has_perm(access.REVEAL):
            raise PermissionDenied
        audit.log(self.object, audit.REVEAL, request.user)
        return self.render_to_response(self.get_context_data())


class BookingHistoryView(history.HistoryView):
    """Wagtail's history of the booking: check-ins, refusals, document checks,
    reveals."""

    any_permission_required = ["view"]
    inspect_url_name = None

    def get_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("返回预约"), url=self.get_edit_url(self.object), icon_name="list-ul"
            )
        ]
