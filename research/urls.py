from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import converters, views  # noqa: F401 - converters registers <refformat:>

app_name = "research"
urlpatterns = [
    path("", views.ResearchListView.as_view(), name="list"),
    path(_("references.<refformat:fmt>"), views.list_export, name="list_export"),
    path(_("search-results.<refformat:fmt>"), views.search_export, name="search_export"),
    path("<slug:slug>/", views.ResearchDetailView.as_view(), name="detail"),
    path(_("<slug:slug>/reference.<refformat:fmt>"), views.publication_export, name="export"),
]
