"""The site's addresses plus one that fails, to see the 500 page as a visitor would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from pluginnovation.urls import handler500  # noqa: F401 - Django reads it from the URLconf
from pluginnovation.urls import urlpatterns as site_urlpatterns


def failing_view(request):
    raise RuntimeError("a bug, on purpose")


urlpatterns = [
    *i18n_patterns(path("trasig/", failing_view), prefix_default_language=False),
    *site_urlpatterns,
]
