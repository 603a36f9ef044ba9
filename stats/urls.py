from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "stats"

# Translated path segments: /statistik/kommun/1441/ and /en/statistics/municipality/1441/.
urlpatterns = [
    path("", views.overview, name="overview"),
    path(_("region/"), include([path("<str:code>/", views.region_detail, name="region")])),
    path(
        _("municipality/"),
        include([path("<str:code>/", views.municipality_detail, name="municipality")]),
    ),
    path(_("compare/"), views.compare, name="compare"),
]
