from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

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

# Swedish at the root, English under /en/ with translated paths (the .po files translate them).
urlpatterns = i18n_patterns(
    path("", views.home, name="home"),
    path(_("methods/"), include("methods.urls")),
    path(_("research/"), include("research.urls")),
    path(_("case-studies/"), include("casestudies.urls")),
    path(_("news/"), include(news_patterns)),
    path(_("about/"), include(page_patterns)),
    path(_("contact/"), views.contact, name="contact"),
    path(_("search/"), include("pluginnovation.search.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=False,
)

handler500 = "pluginnovation.views.server_error"
