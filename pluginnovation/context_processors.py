from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import (
    NoReverseMatch,
    get_script_prefix,
    get_urlconf,
    reverse,
    translate_url,
)
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext_lazy as _

from content import registry
from content.registry import sections

# The menu entries that are not sections of content, with their positions among those.
SITE_NAVIGATION = [
    (40, _("Statistics"), "stats:overview"),
    (70, _("Contact us"), "contact"),
]


def main_navigation() -> list[tuple]:
    """(label, URL name) of the main menu, in order: the content registry's sections and the
    site's own. A section is current when the path lies below its address."""
    entries = [
        (section.position, section.label, section.list_url)
        for section in sections()
        if section.in_menu
    ]
    return [
        (label, name)
        for _position, label, name in sorted(
            [*entries, *SITE_NAVIGATION], key=lambda entry: entry[0]
        )
    ]


@lru_cache(maxsize=32)
def _menu(language: str, urlconf: str | None, prefix: str, generation: int) -> tuple[tuple, ...]:
    """(label, url, lang) of every menu item: the same on every request in one language, so
    reversed once, not on every page (the URLconf, script prefix and the registry's generation
    are in the key because the links depend on them)."""
    items = []
    for label, url_name in main_navigation():
        try:
            items.append((label, reverse(url_name), ""))
        except NoReverseMatch:  # a section not installed yet is simply not in the menu
            continue
    if language != "en":
        # The English landing page, named in English as on the original site.
        items.insert(-1, ("In English", translate_url("/", "en"), "en"))
    return tuple(items)


def _navigation(path: str) -> list[dict]:
    items = []
    for label, url, lang in _menu(
        get_language(), get_urlconf(), get_script_prefix(), registry.generation()
    ):
        if lang:
            items.append({"label": label, "url": url, "lang": lang})
            continue
        # aria-current: "page" on the section's own list, "true" anywhere below it.
        current = "page" if path == url else "true" if path.startswith(url) else ""
        items.append({"label": label, "url": url, "current": current})
    return items


def _same_page_in(path: str, code: str) -> str:
    if code == get_language():
        return path  # this very page: translate_url() would resolve and reverse it to itself
    url = translate_url(path, code)
    if url == path and code != get_language():
        # Not one of our pages (a 404): the nearest thing in the other language is its home page.
        with override(code):
            return reverse("home")
    return url


def _local(path: str) -> str:
    """The path as a link within this site. A request for "//host/…" (which gunicorn passes on
    as it came) would otherwise link to that host: browsers read // as another site."""
    return "/" + path.lstrip("/")


def site(request: HttpRequest) -> dict:
    """The main menu and the same page in every language (switcher and hreflang links)."""
    path = _local(request.get_full_path())
    alternates = []
    for code, _name in settings.LANGUAGES:
        info = get_language_info(code)
        alternates.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": _same_page_in(path, code),
                # The sitemap names the default language's page x-default too (as its heads do).
                "x_default": code == settings.LANGUAGE_CODE,
            }
        )
    return {
        "alternate_languages": alternates,
        "main_navigation": _navigation(request.path),
    }
