"""The site's settings plus what only the benchmarks use (`make bench` sets
DJANGO_SETTINGS_MODULE=benchmarks.settings): their commands and the bare view that pages are
compared with. The site itself never serves a benchmark URL."""

from pluginnovation.settings import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
ROOT_URLCONF = "benchmarks.urls"
