from django.utils.translation import gettext_lazy as _

from content.views import ArticleDetailView, ArticleListView

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
