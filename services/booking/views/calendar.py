"""The booking window as month grids: what each day of the calendar shows."""

import calendar
import datetime
from dataclasses import dataclass

from django.utils.translation import pgettext_lazy

from ..schedule import DayView

# Column heads, Monday first (China's calendars start on Monday).
WEEKDAYS = [
    pgettext_lazy("calendar column", "一"),
    pgettext_lazy("calendar column", "二"),
    pgettext_lazy("calendar column", "三"),
    pgettext_lazy("calendar column", "四"),
    pgettext_lazy("calendar column", "五"),
    pgettext_lazy("calendar column", "六"),
    pgettext_lazy("calendar column", "日"),
]


@dataclass
class Cell:
    """One square: `kind` is open, full, over, closed, later, past, outside or blank."""

    date: datetime.date
    kind: str
    day: DayView | None = None


@dataclass
class Month:
    first: datetime.date
    weeks: list[list[Cell]]


def _kind(day: DayView, now: datetime.datetime) -> str:
    if day.bookable:
        return "open"
    if day.closed:
        return "closed"
    if day.date < now.date():
        return "past"
    if not day.slots:
        return "later"  # not released yet, or the offer is paused
    if all(slot.start <= now for slot in day.slots):
        return "over"
    return "full"


def months(days: list[DayView], now: datetime.datetime) -> list[Month]:
    """Month grids of the days' range; only the weeks that hold one of the days."""
    if not days:
        return []
    by_date = {day.date: day for day in days}
    first, last = days[0].date, days[-1].date
    grids = []
    month = first.replace(day=1)
    while month <= last:
        weeks = []
        for week in calendar.Calendar().monthdatescalendar(month.year, month.month):
            if not any(d.month == month.month and first <= d <= last for d in week):
                continue
            weeks.append([_cell(d, month, by_date, now) for d in week])
        grids.append(Month(month, weeks))
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return grids


def _cell(date, month, by_date, now) -> Cell:
    if date.month != month.month:
        return Cell(date, "blank")
    day = by_date.get(date)
    if day is None:
        return Cell(date, "past" if date < now.date() else "outside")
    return Cell(date, _kind(day, now), day)
