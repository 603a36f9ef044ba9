from django.utils.translation import gettext_lazy as _

from content.views import ArticleDetailView, ArticleListView
from stats.around import figures_around

from .models import CaseStudy


class CaseStudyListView(ArticleListView):
    model = CaseStudy
    kinds = (CaseStudy.KIND,)
    section_title = _("Case studies")
    template_name = "casestudies/casestudy_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("municipality")


class CaseStudyDetailView(ArticleDetailView):
    models = (CaseStudy,)
    section_title = _("Case studies")
    section_url_name = "casestudies:list"
    select_related = ("municipality",)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        case_study = self.object
        years = case_study.years
        context["around"] = figures_around(case_study.municipality, years) if years else None
        return context
