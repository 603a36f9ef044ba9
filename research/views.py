from django.utils.translation import gettext_lazy as _

from pluginnovation.models import Article, Kind
from pluginnovation.views import ArticleDetailView, ArticleListView

from .models import Publication, ResearchSummary


class ResearchListView(ArticleListView):
    """Forskning: literature and research summaries in one list, newest first."""

    model = Article
    kinds = (Kind.RESEARCH_SUMMARY, Kind.PUBLICATION)
    section_title = _("Research")
    template_name = "research/research_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("publication")


class ResearchDetailView(ArticleDetailView):
    models = (Publication, ResearchSummary)
    section_title = _("Research")
    section_url_name = "research:list"
