"""Pages for crawlers and for the law (robots.txt, the accessibility statement), and the
addresses editors used before the content app took over the Article core."""

import datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from infra.breadcrumbs import HOME_CRUMB

# Pages a crawler has no business in: the admin, personal pages, endless search result pages.
ROBOTS_DISALLOWED_URL_NAMES = ["admin:index", "search:results", "accounts:dashboard"]

DAYS_A_MONTH = 30.44
# When the accessibility statement was last reviewed against the site (change it when you do).
ACCESSIBILITY_STATEMENT_REVIEWED = datetime.date(2026, 11, 23)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *"]
    for name in ROBOTS_DISALLOWED_URL_NAMES:
        for code in ("sv", "en"):
            with translation.override(code):
                try:
                    lines.append(f"Disallow: {reverse(name)}")
                except NoReverseMatch:
                    continue
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse(
        "\n".join(dict.fromkeys(lines)) + "\n", content_type="text/plain; charset=utf-8"
    )


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    """Tillgänglighetsredogörelse, following the model statement of DIGG."""
    return render(
        request,
        "pluginnovation/accessibility.html",
        {
            "reviewed": ACCESSIBILITY_STATEMENT_REVIEWED,
            "log_months": log_months(),
            "breadcrumbs": [HOME_CRUMB, (_("Accessibility statement"), None)],
        },
    )


def log_months() -> int:
    """How many months the anonymous search log keeps a week (settings.SEARCH_LOG_DAYS)."""
    return max(1, round(settings.SEARCH_LOG_DAYS / DAYS_A_MONTH))


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice: what is kept about the site's users (the search log among it)."""
    return render(
        request,
        "pluginnovation/privacy.html",
        {
            "log_months": log_months(),
            "breadcrumbs": [HOME_CRUMB, (_("Privacy notice"), None)],
        },
    )


def moved_admin_page(request: HttpRequest, rest: str) -> HttpResponse:
    """The Article core's admin pages under their former app's address (editors' bookmarks)."""
    query = f"?{request.META['QUERY_STRING']}" if request.META.get("QUERY_STRING") else ""
    return redirect(f"{reverse('admin:index')}content/{rest}{query}", permanent=True)


@require_safe
def media(request: HttpRequest, path: str) -> HttpResponse:
    """An uploaded file from the local media directory (`make run` and the tests only, with
    DJANGO_SERVE_MEDIA; production serves them with nginx or object storage)."""
    from django.conf import settings
    from django.views.static import serve

    return serve(request, path, document_root=settings.MEDIA_ROOT)
