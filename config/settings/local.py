"""Development: `make run`. SQLite under var/, console e-mail, DEBUG on unless told otherwise."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
