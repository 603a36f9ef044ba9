from django.urls import path, register_converter
from django.utils.translation import gettext_lazy as _

from . import views


class ReferenceFormat:
    """The export formats' keys (research.citations.FORMATS) as the end of an address."""

    regex = "ris|bib|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReferenceFormat, "refformat")

app_name = "research"
urlpatterns = [
    path("", views.ResearchListView.as_view(), name="list"),
    path(_("references.<refformat:fmt>"), views.list_export, name="list_export"),
    path(_("search-results.<refformat:fmt>"), views.search_export, name="search_export"),
    path("<slug:slug>/", views.ResearchDetailView.as_view(), name="detail"),
    path(_("<slug:slug>/reference.<refformat:fmt>"), views.publication_export, name="export"),
]
