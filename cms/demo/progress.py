"""A small text progress bar for management commands."""

from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
WIDTH = 30


def progress(items: Iterable[T], total: int, label: str, stdout) -> Iterator[T]:
    """Yield items while drawing '[####   ] n/total label' on one line of stdout."""
    done = 0
    for item in items:
        yield item
        done += 1
        filled = WIDTH * done // max(total, 1)
        stdout.write(
            f"\r  [{'#' * filled}{' ' * (WIDTH - filled)}] {done}/{total} {label}",
            ending="",
        )
        stdout.flush()
    stdout.write("")
