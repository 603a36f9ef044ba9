from django.utils.translation import gettext_lazy as _

from content.models import Article
from content.views import ArticleDetailView, ArticleListView

from .models import Publication, ResearchSummary


class ResearchListView(ArticleListView):
    """Forskning: literature and research summaries in one list, newest first."""

    model = Article
    kinds = (ResearchSummary.KIND, Publication.KIND)
    section_title = _("Research")
    template_name = "research/research_list.html"


class ResearchDetailView(ArticleDetailView):
    models = (Publication, ResearchSummary)
    section_title = _("Research")
    section_url_name = "research:list"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if isinstance(self.object, ResearchSummary):
            # Only the published ones: a summary never links the public to a draft.
            context["summarised_publications"] = self.object.publications.published().newest_first()
        return context
