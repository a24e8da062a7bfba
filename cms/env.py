"""Read settings from the environment, after an optional `.env` file."""

import os
from pathlib import Path

from dotenv import load_dotenv

BASE_DIR = Path(__file__).resolve().parent.parent


def load_env_file() -> None:
    """Read `.env` at the repository root; variables already set win over the file."""
    load_dotenv(BASE_DIR / ".env", override=False)


def env_str(name: str, default: str = "") -> str:
    """A string variable; empty counts as unset (a copied .env.example has many)."""
    return os.environ.get(name, "").strip() or default


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list."""
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


def env_bool(name: str, default: bool = False) -> bool:
    """Read a true/false environment variable."""
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    """Read an integer environment variable."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else default
