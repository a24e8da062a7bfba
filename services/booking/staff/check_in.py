"""核验入场: staff at the gate scan or type a ticket token; `logic.check_in` decides.

The page answers in one glance (green 可以入场 or red with the engine's reason) and
is ready for the next ticket at once: the token field is empty and focused. Staff
may then check a presented document against the party by its keyed hash; the number
is never shown back. Every check-in, refusal and document check is audited without
personal data.
"""

import hmac
from dataclasses import dataclass, field

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from django_permissions_policy import PermissionsPolicyMiddleware
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet

from services import references

from .. import logic
from ..errors import CheckInRefused
from ..models import Booking
from . import access, audit
from .display import document_label, slot_text, visitors_queryset
from .forms import CheckInForm, DocumentCheckForm

# The site's policy, but the camera allowed on this page for the QR scan button.
CAMERA_POLICY = PermissionsPolicyMiddleware.compute_header_value(
    {**getattr(settings, "PERMISSIONS_POLICY", {}), "camera": ["self"]},
    name="check-in camera",
)


# The session remembers the gate's venue between scans.
GATE_VENUE = "booking_gate_venue"


@dataclass
class Outcome:
    """What the gate shows: admitted or refused, and the booking when there is one."""

    admitted: bool
    message: str = ""
    booking: Booking | None = None
    visitors: list = field(default_factory=list)


def find(token) -> Booking | None:
    """The booking of a token as typed, or None; nothing is looked up for a value
    that cannot be a token (a scanned ID card, say)."""
    if not isinstance(token, str) or not references.is_valid(token):
        return None
    return (
        Booking.objects.select_related("offer__venue", "slot")
        .filter(token=references.normalise(token))
        .first()
    )


def party(booking: Booking) -> list[dict]:
    """The visitors as the gate may see them: masked."""
    return [
        {
            "position": visitor.position + 1,
            "name": visitor.name_masked,
            "document_type": document_label(visitor.document_type),
            "document": visitor.document_masked,
            "minor": visitor.minor,
        }
        for visitor in visitors_queryset().filter(booking=booking)
    ]


def admit(token: str, staff, venue=None) -> Outcome:
    """Check a party in through the engine; audit the outcome either way."""
    try:
        booking = logic.check_in(token, staff, venue=venue)
    except CheckInRefused as error:
        booking = find(token)
        # An unknown token has no booking to file the refusal under: the staff
        # member's own record takes it. The typed value is never stored.
        audit.log(
            booking or staff, audit.CHECK_IN_REFUSED, staff, reason=str(error.message)
        )
        return Outcome(False, str(error.message), booking)
    audit.log(booking, audit.CHECK_IN, staff, party_size=booking.party_size)
    booking = find(booking.token)  # with the venue, for the card
    return Outcome(True, "", booking, party(booking))


class CheckInView(
    access.PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView
):
    """GET: the token field. POST: check in, show the outcome, ready for the next."""

    permission = access.CHECK_IN
    template_name = "booking/staff/check_in.html"
    page_title = gettext_lazy("核验入场")
    header_icon = "circle-check"
    http_method_names = ["get", "post"]
    check_in_url_name = None
    document_url_name = None

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def post(self, request, *args, **kwargs):
        form = CheckInForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        venue = form.cleaned_data["venue"]
        request.session[GATE_VENUE] = venue.pk  # the next scan is at the same gate
        outcome = admit(form.cleaned_data["token"], request.user, venue)
        return self.render_to_response(self.get_context_data(outcome=outcome))

    def gate_form(self) -> CheckInForm:
        return CheckInForm(initial={"venue": self.request.session.get(GATE_VENUE)})

    def get_context_data(self, form=None, outcome=None, **kwargs):
        context = super().get_context_data(**kwargs)
        booking = outcome.booking if outcome else None
        context.update(
            form=form or self.gate_form(),
            outcome=outcome,
            check_in_url=reverse(self.check_in_url_name),
            document_url=reverse(self.document_url_name),
        )
        if booking is not None:
            context.update(self.booking_context(booking, outcome.visitors))
        if outcome and outcome.admitted:
            context["document_form"] = DocumentCheckForm(
                initial={"token": booking.token}
            )
        return context

    @staticmethod
    def booking_context(booking: Booking, visitors: list) -> dict:
        return {
            "booking": booking,
            "token": references.display(booking.token),
            "slot": slot_text(booking),
            "visitors": visitors,
        }

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        # Read by django_permissions_policy's middleware in place of the site policy.
        response._permissions_policy_override = CAMERA_POLICY
        return response


class DocumentCheckView(CheckInView):
    """POST: whether a presented document is one of the party's, by keyed hash."""

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        form = DocumentCheckForm(request.POST)
        booking = find(form.data.get("token"))
        if booking is None:
            outcome = Outcome(False, _("没有这张预约票，请重新扫码。"))
            return self.render_to_response(self.get_context_data(outcome=outcome))
        context = self.get_context_data()
        context.update(self.booking_context(booking, party(booking)))
        if form.is_valid():
            checked = self.match(booking, form.cleaned_data["document_hash"])
            audit.log(
                booking,
                audit.DOCUMENT_CHECK,
                request.user,
                matched=checked is not None,
                **({"position": checked["position"]} if checked else {}),
            )
            form = DocumentCheckForm(initial={"token": booking.token})
            context.update(document_checked=True, checked=checked)
        context["document_form"] = form
        return self.render_to_response(context)

    @staticmethod
    def match(booking: Booking, document_hash: str) -> dict | None:
        """The visitor (masked) whose document hash is this one, or None."""
        found = None
        for visitor in booking.visitors.only(
            "position", "name_masked", "document_hash"
        ):
            # Compared in constant time and without stopping at the first match.
            if visitor.document_hash and hmac.compare_digest(
                visitor.document_hash, document_hash
            ):
                found = {"position": visitor.position + 1, "name": visitor.name_masked}
        return found


class CheckInViewSet(ViewSet):
    """The gate: one page, and the document check it posts to."""

    name = "booking_check_in"
    url_prefix = "booking/check-in"
    icon = "circle-check"
    menu_label = gettext_lazy("核验入场")

    def view_kwargs(self) -> dict:
        return {
            "check_in_url_name": self.get_url_name("index"),
            "document_url_name": self.get_url_name("document"),
        }

    def get_urlpatterns(self):
        return [
            path(
                "", self.construct_view(CheckInView, **self.view_kwargs()), name="index"
            ),
            path(
                "document/",
                self.construct_view(DocumentCheckView, **self.view_kwargs()),
                name="document",
            ),
        ]

    def get_menu_item(self, order=None):
        return access.PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            name=self.name,
            icon_name=self.icon,
            order=self.get_menu_item_order(order),
            permission=access.CHECK_IN,
        )
