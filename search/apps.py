from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _

from infra.cache import show_publicly


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from . import signals  # noqa: F401 - connects the receivers that keep the index current

        # A saved synonym list changes what searches find: cached pages and facets go stale.
        # (The search log is written by searches and shown nowhere public: never invalidating.)
        show_publicly("search.synonymlist")
        checks.register(check_lexicon)


def check_lexicon(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Warn when the Hunspell dictionary that splits compounds is missing."""
    prefix = Path(settings.SEARCH_LEXICON)
    if prefix.with_suffix(".dic").is_file() and prefix.with_suffix(".aff").is_file():
        return []
    return [
        checks.Warning(
            f"No Hunspell dictionary at {prefix}.dic/.aff: Artikelsök will not split Swedish "
            "compounds.",
            hint="apt-get install hunspell-sv, or set SEARCH_LEXICON to its path without "
            ".dic/.aff, then run manage.py rebuild_search_index.",
            id="search.W001",
        )
    ]
