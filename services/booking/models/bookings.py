"""Real-name bookings. Document numbers are kept only as a keyed hash (uniqueness,
no-show counting, check-in matching), an encrypted copy for staff and a masked form."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from services.identity import DocumentType

from .offers import Offer
from .slots import Slot


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("已预约")
    CHECKED_IN = "checked_in", _("已入场")
    CANCELLED = "cancelled", _("已取消")
    LATE_CANCELLED = "late_cancelled", _("逾期取消")
    NO_SHOW = "no_show", _("未到场")


# Statuses that count against a visitor's record (DESIGN.md: no-show penalties).
NO_SHOW_STATUSES = (BookingStatus.LATE_CANCELLED, BookingStatus.NO_SHOW)


class Booking(models.Model):
    """A party's booking of one slot, identified by its ticket token."""

    token = models.CharField(_("预约码"), max_length=11, unique=True)
    offer = models.ForeignKey(
        Offer, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("项目")
    )
    slot = models.ForeignKey(
        Slot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("时段")
    )
    date = models.DateField(_("日期"), db_index=True)
    party_size = models.PositiveSmallIntegerField(_("人数"))
    status = models.CharField(
        _("状态"),
        max_length=20,
        choices=BookingStatus.choices,
        default=BookingStatus.BOOKED,
        db_index=True,
    )
    phone = models.TextField(_("联系电话（加密）"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    channel = models.CharField(_("渠道"), max_length=10, default="web")
    idempotency_key = models.CharField(max_length=100, null=True, blank=True)
    request_hash = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(_("预约时间"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("取消时间"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("入场时间"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    purged_at = models.DateTimeField(_("个人信息清除时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("预约")
        verbose_name_plural = _("预约")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key"],
                condition=Q(idempotency_key__isnull=False),
                name="booking_one_booking_per_idempotency_key",
            ),
            models.CheckConstraint(
                condition=Q(party_size__gte=1), name="booking_party_not_empty"
            ),
        ]
        permissions = [
            ("check_in_booking", _("可以核验入场")),
            ("view_booking_dashboard", _("可以查看预约统计")),
        ]

    def __str__(self) -> str:
        return f"{self.offer} {self.date:%Y-%m-%d} ({self.party_size})"


class Visitor(models.Model):
    """One person of a party, by real name and identity document."""

    booking = models.ForeignKey(
        Booking, on_delete=models.CASCADE, related_name="visitors"
    )
    position = models.PositiveSmallIntegerField(default=0)
    name = models.TextField(_("姓名（加密）"), blank=True)
    # A masked name is as long as the name: up to 60 characters on a passport.
    name_masked = models.CharField(_("姓名"), max_length=80, blank=True)
    document_type = models.CharField(
        _("证件类型"), max_length=40, choices=DocumentType.choices
    )
    document = models.TextField(_("证件号码（加密）"), blank=True)
    document_masked = models.CharField(_("证件号码"), max_length=40, blank=True)
    document_hash = models.CharField(max_length=64, blank=True, db_index=True)
    minor = models.BooleanField(_("未成年人"), default=False)
    # Copies of the booking's offer and date, for the constraint below.
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="+")
    date = models.DateField()
    # False once the booking is cancelled: the document may book that day again.
    active = models.BooleanField(default=True)

    class Meta:
        verbose_name = _("参观人")
        verbose_name_plural = _("参观人")
        ordering = ["booking", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "document_hash", "date"],
                condition=Q(active=True),
                name="booking_one_active_booking_per_document_per_day",
            )
        ]

    def __str__(self) -> str:
        return self.name_masked
