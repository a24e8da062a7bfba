"""Bar charts drawn on the server as SVG geometry: places, bookings, check-ins.

Each bar stacks three heights on one scale: the capacity (a pale column), the
places taken, and the people checked in. The template draws them, with a title per
bar for screen readers and the same figures in a table beside it.
"""

import math

# The drawing box (SVG user units; it scales to the page's width): room above the
# tallest bar for its count, below the bars for the labels, and at the sides for the
# first and last label.
WIDTH, HEIGHT, TOP, AXIS, SIDE = 720, 200, 18, 24, 16
# A few slots make wide bars: no wider than this.
MAX_BAR = 48
# Beyond this many bars the counts above them would overlap.
MAX_COUNTED_BARS = 31
MAX_AXIS_LABELS = 15


def _height(value: int, top: int, plot: float) -> float:
    return round((plot - TOP) * value / top, 1)


def bars(items: list[dict]) -> dict:
    """Geometry for items with `label`, `title`, `capacity`, `taken`, `checked_in`,
    and optionally `url`, `closed`, `current`."""
    top = max((max(i["capacity"], i["taken"]) for i in items), default=0) or 1
    plot = HEIGHT - AXIS
    step = (WIDTH - 2 * SIDE) / max(len(items), 1)
    every = max(1, math.ceil(len(items) / MAX_AXIS_LABELS))
    counted = len(items) <= MAX_COUNTED_BARS
    drawn = []
    for index, item in enumerate(items):
        capacity = _height(item["capacity"], top, plot)
        taken = _height(item["taken"], top, plot)
        checked_in = _height(item["checked_in"], top, plot)
        width = min(step * 0.7, MAX_BAR)
        mid = SIDE + index * step + step / 2
        drawn.append(
            {
                **item,
                "x": round(mid - width / 2, 1),
                "width": round(width, 1),
                "mid": round(mid, 1),
                "capacity_y": round(plot - capacity, 1),
                "capacity_height": capacity,
                "taken_y": round(plot - taken, 1),
                "taken_height": taken,
                "checked_in_y": round(plot - checked_in, 1),
                "checked_in_height": checked_in,
                "count_y": round(plot - taken - 4, 1),
                "counted": counted and item["taken"] > 0,
                "labelled": index % every == 0 or index == len(items) - 1,
            }
        )
    return {
        "items": drawn,
        "width": WIDTH,
        "height": HEIGHT,
        "plot": plot,
        "axis_y": plot + 16,
        "closed_y": plot - 4,
    }
