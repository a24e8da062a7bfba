"""What can be booked: venues, offers with their rules, weekly hours and exceptions."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

# Paths of the booking pages next to /booking/<slug>/ (services/booking/urls.py).
RESERVED_SLUGS = {"mine", "lookup", "tickets"}


class Venue(models.Model):
    """A place people visit: the museum, a service hall."""

    name = models.CharField(_("名称"), max_length=100, unique=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    phone = models.CharField(_("咨询电话"), max_length=40, blank=True)
    directions = models.TextField(_("交通指引"), blank=True)

    class Meta:
        verbose_name = _("场所")
        verbose_name_plural = _("场所")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Offer(ClusterableModel):
    """Something bookable at a venue (a museum visit, an appointment) and its rules."""

    venue = models.ForeignKey(
        Venue, on_delete=models.PROTECT, related_name="offers", verbose_name=_("场所")
    )
    title = models.CharField(_("名称"), max_length=100)
    slug = models.SlugField(
        _("网址名称"),
        max_length=60,
        unique=True,
        help_text=_("预约页面的网址：/booking/<网址名称>/"),
    )
    summary = models.TextField(_("简介"), blank=True)
    rules = models.TextField(_("预约须知"), blank=True)
    active = models.BooleanField(_("开放预约"), default=True)
    party_cap = models.PositiveSmallIntegerField(
        _("每单最多人数"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
    )
    window_days = models.PositiveSmallIntegerField(
        _("可提前预约天数"),
        default=7,
        validators=[MinValueValidator(0), MaxValueValidator(90)],
        help_text=_("今天起往后多少天可以预约（0 表示只能预约当天）。"),
    )
    release_time = models.TimeField(
        _("每日放号时间"),
        default=datetime.time(9, 0),
        help_text=_("最后一个可预约日的名额在这个时间放出。"),
    )
    daily_cap = models.PositiveIntegerField(
        _("每日总名额"),
        null=True,
        blank=True,
        help_text=_("留空表示不另设每日上限，只按各时段名额。"),
    )
    cancel_hours = models.PositiveSmallIntegerField(
        _("取消截止（开始前小时数）"),
        default=2,
        help_text=_("此后取消计为一次爽约。"),
    )
    no_show_limit = models.PositiveSmallIntegerField(
        _("爽约次数上限"), default=3, validators=[MinValueValidator(1)]
    )
    no_show_window_days = models.PositiveSmallIntegerField(
        _("爽约统计周期（天）"), default=180, validators=[MinValueValidator(1)]
    )
    ban_days = models.PositiveSmallIntegerField(
        _("暂停预约天数"), default=60, validators=[MinValueValidator(1)]
    )
    minors_need_adult = models.BooleanField(_("未成年人须由成年人陪同"), default=True)
    check_in_early_minutes = models.PositiveSmallIntegerField(
        _("可提前入场（分钟）"), default=30
    )
    check_in_late_minutes = models.PositiveSmallIntegerField(
        _("可迟到入场（分钟）"), default=30
    )
    closed_note = models.CharField(
        _("固定闭馆说明"),
        max_length=100,
        blank=True,
        default="闭馆",
        help_text=_(
            "没有开放时段的星期几显示的原因，例如“每周一闭馆（法定节假日除外）”。"
        ),
    )

    class Meta:
        verbose_name = _("预约项目")
        verbose_name_plural = _("预约项目")
        ordering = ["venue__name", "title"]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError(
                {"slug": _("这个网址名称已被预约页面占用，请换一个。")}
            )

    def get_absolute_url(self) -> str:
        return reverse("booking:offer", kwargs={"slug": self.slug})


class WeeklySession(Orderable):
    """Opening hours of one weekday, cut into slots of equal length."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("星期一")
        TUESDAY = 1, _("星期二")
        WEDNESDAY = 2, _("星期三")
        THURSDAY = 3, _("星期四")
        FRIDAY = 4, _("星期五")
        SATURDAY = 5, _("星期六")
        SUNDAY = 6, _("星期日")

    offer = ParentalKey(Offer, on_delete=models.CASCADE, related_name="sessions")
    weekday = models.PositiveSmallIntegerField(_("星期"), choices=Weekday.choices)
    start = models.TimeField(_("开始"))
    end = models.TimeField(_("结束"))
    slot_minutes = models.PositiveSmallIntegerField(
        _("每时段分钟数"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(720)],
    )
    capacity = models.PositiveIntegerField(
        _("每时段名额"), validators=[MinValueValidator(1)]
    )

    class Meta(Orderable.Meta):
        verbose_name = _("每周开放时段")
        verbose_name_plural = _("每周开放时段")

    def clean(self):
        if self.start and self.end and self.start >= self.end:
            raise ValidationError({"end": _("结束时间应晚于开始时间。")})

    def slot_times(self) -> list[tuple[datetime.time, datetime.time]]:
        """The (start, end) of each whole slot between start and end."""
        day = datetime.date(2000, 1, 1)
        moment = datetime.datetime.combine(day, self.start)
        close = datetime.datetime.combine(day, self.end)
        step = datetime.timedelta(minutes=self.slot_minutes)
        times = []
        while moment + step <= close:
            times.append((moment.time(), (moment + step).time()))
            moment += step
        return times


class Closure(models.Model):
    """A day the venue is closed although its weekly hours say open."""

    venue = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="closures", verbose_name=_("场所")
    )
    date = models.DateField(_("日期"))
    reason = models.CharField(_("原因"), max_length=100)

    class Meta:
        verbose_name = _("临时闭馆")
        verbose_name_plural = _("临时闭馆")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "date"], name="booking_one_closure_per_venue_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}"


class ExtraOpening(models.Model):
    """A day the venue opens although its weekly hours say closed (a public holiday)."""

    venue = models.ForeignKey(
        Venue,
        on_delete=models.CASCADE,
        related_name="extra_openings",
        verbose_name=_("场所"),
    )
    date = models.DateField(_("日期"))
    hours_of = models.PositiveSmallIntegerField(
        _("按星期几的时段开放"),
        choices=WeeklySession.Weekday.choices,
        default=WeeklySession.Weekday.TUESDAY,
    )
    reason = models.CharField(_("原因"), max_length=100)

    class Meta:
        verbose_name = _("节假日开放")
        verbose_name_plural = _("节假日开放")
        ordering = ["date"]
        constraints = [
            models.UniqueConstraint(
                fields=["venue", "date"], name="booking_one_opening_per_venue_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.reason}"
