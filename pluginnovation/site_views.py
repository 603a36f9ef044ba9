"""Pages for crawlers and for the law (robots.txt, the accessibility statement), and the
addresses editors used before the content app took over the Article core."""

import datetime

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
            "breadcrumbs": [HOME_CRUMB, (_("Accessibility statement"), None)],
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
