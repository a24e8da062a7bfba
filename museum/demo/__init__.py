"""The museum's part of the demo content (cms/demo/data/museum/)."""

from .build import build_museum, museum_wanted

__all__ = ["build_museum", "museum_wanted"]
