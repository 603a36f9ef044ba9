import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from content.desk import desk_view
from content.registry import sections
from infra import health
from methods.models import IN_USE_PATH

from . import feeds, site_views, views
from .sitemaps import SITEMAPS

feed_patterns = (
    [
        path(_("news/"), feeds.NewsFeed(), name="news"),
        path(_("methods/"), feeds.MethodFeed(), name="methods"),
    ],
    "feeds",
)


def content_patterns() -> list:
    """Each registered section of content at its (translated) address."""
    return [path(section.path, include(section.urls)) for section in sections()]


def localized_patterns() -> list:
    return [
        path("", views.home, name="home"),
        # Before the sections: methods/<slug>/ would take it (a method cannot take the slug).
        path(format_lazy("{}{}", _("methods/"), IN_USE_PATH), include("accounts.registry_urls")),
        *content_patterns(),
        path(_("statistics/"), include("stats.urls")),
        path(_("contact/"), views.contact, name="contact"),
        path(_("accessibility/"), site_views.accessibility, name="accessibility"),
        path(_("privacy/"), site_views.privacy, name="privacy"),
        path("rss/", include(feed_patterns)),
        path(_("search/"), include("search.urls")),
        path(_("open-data/"), include("api.opendata_urls")),
        path(_("my-pages/"), include("accounts.urls")),
        path(_("my-pages/account/"), include("accounts.account_urls")),
        # The Article core's admin pages lived under the site's own app until the content app
        # took them over: editors' bookmarks still arrive.
        re_path(
            r"^admin/pluginnovation/(?P<rest>(?:article|tagname)/.*)$",
            site_views.moved_admin_page,
        ),
        path("admin/desk/", admin.site.admin_view(desk_view), name="editors_desk"),
        path("admin/", admin.site.urls),
    ]


# Swedish at the root, English under /en/ with translated paths (the .po files translate them).
urlpatterns = i18n_patterns(*localized_patterns(), prefix_default_language=False)
# One address each, whatever the language: for crawlers and load balancers.
urlpatterns += [
    path("robots.txt", site_views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("health/", health.health, name="health"),
    # The open API: one address in both languages (?lang= or Accept-Language choose).
    path("", include("api.urls")),
]
if settings.SERVE_MEDIA and settings.MEDIA_STORAGE == "local":
    # Uploaded images and documents for `make run` and the tests; production serves them with
    # nginx or from object storage (README.md, "Files").
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.strip('/'))}/(?P<path>.*)$",
            site_views.media,
            name="media",
        )
    ]

# The site's 500 page, or the 503 page when the database is what failed.
handler500 = "infra.middleware.server_error"
# Not Django's but django-allauth's: the page for its own rate limits, as for the site's.
handler429 = "infra.ratelimit.too_many_requests"
