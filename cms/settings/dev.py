"""Local development: debug on, a throwaway secret key when none is set."""

from cms.env import env_bool

from .base import *  # noqa: F403

DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-" + "x" * 40  # noqa: F405, S105
