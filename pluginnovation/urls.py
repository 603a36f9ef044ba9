from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import feeds, health, site_views, views
from .sitemaps import SITEMAPS

news_patterns = (
    [
        path("", views.NewsListView.as_view(), name="list"),
        path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    ],
    "news",
)
page_patterns = (
    [
        path("", views.about, name="about"),
        path("<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
    ],
    "pages",
)
feed_patterns = (
    [
        path(_("news/"), feeds.NewsFeed(), name="news"),
        path(_("methods/"), feeds.MethodFeed(), name="methods"),
    ],
    "feeds",
)

# Swedish at the root, English under /en/ with translated paths (the .po files translate them).
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path(_("methods/"), include("methods.urls")),
    path(_("research/"), include("research.urls")),
    path(_("case-studies/"), include("casestudies.urls")),
    path(_("statistics/"), include("stats.urls")),
    path(_("news/"), include(news_patterns)),
    path(_("about/"), include(page_patterns)),
    path(_("contact/"), views.contact, name="contact"),
    path(_("accessibility/"), site_views.accessibility, name="accessibility"),
    path("rss/", include(feed_patterns)),
    path(_("search/"), include("pluginnovation.search.urls")),
    path(_("my-pages/"), include("accounts.urls")),
    path(_("my-pages/account/"), include("accounts.account_urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)
# One address each, whatever the language: for crawlers and load balancers.
urlpatterns += [
    path("robots.txt", site_views.robots_txt, name="robots"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("health/", health.health, name="health"),
]
if settings.BENCH_VIEW:  # `make bench` only: the bare view pages are compared with
    urlpatterns.append(path("bench/hello/", site_views.bench_hello, name="bench-hello"))

# The site's 500 page, or the 503 page when the database is what failed.
handler500 = "pluginnovation.middleware.server_error"
# Not Django's but django-allauth's: the page for its own rate limits, as for the site's.
handler429 = "infra.ratelimit.too_many_requests"
