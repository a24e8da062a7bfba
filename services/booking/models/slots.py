"""Days and slots, generated ahead from the weekly hours and kept in the database.

`booked` never exceeds `capacity`: `book()` raises it with a conditional UPDATE and a
CHECK constraint backs that up, on PostgreSQL and on SQLite alike.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .offers import Offer


class Day(models.Model):
    """One date of an offer: open with a daily total, or closed with the reason."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="days")
    date = models.DateField(_("日期"))
    closed = models.BooleanField(_("闭馆"), default=False)
    reason = models.CharField(_("闭馆原因"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(_("当日名额"), default=0)
    booked = models.PositiveIntegerField(_("已预约"), default=0)

    class Meta:
        verbose_name = _("预约日")
        verbose_name_plural = _("预约日")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["offer", "date"], name="booking_one_day_per_offer_date"
            ),
            models.CheckConstraint(
                condition=Q(booked__gte=0) & Q(booked__lte=F("capacity")),
                name="booking_day_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.offer} {self.date:%Y-%m-%d}"

    @property
    def remaining(self) -> int:
        return 0 if self.closed else max(self.capacity - self.booked, 0)


class Slot(models.Model):
    """A bookable time of a day with its own capacity."""

    day = models.ForeignKey(Day, on_delete=models.CASCADE, related_name="slots")
    start = models.DateTimeField(_("开始"))
    end = models.DateTimeField(_("结束"))
    capacity = models.PositiveIntegerField(_("名额"))
    booked = models.PositiveIntegerField(_("已预约"), default=0)

    class Meta:
        verbose_name = _("时段")
        verbose_name_plural = _("时段")
        ordering = ["start"]
        constraints = [
            models.UniqueConstraint(
                fields=["day", "start"], name="booking_one_slot_per_day_start"
            ),
            models.CheckConstraint(
                condition=Q(booked__gte=0) & Q(booked__lte=F("capacity")),
                name="booking_slot_within_capacity",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.start:%H:%M}"

    @property
    def remaining(self) -> int:
        return max(self.capacity - self.booked, 0)
