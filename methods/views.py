from django.utils.translation import gettext_lazy as _

from content.views import ArticleDetailView, ArticleListView

from .models import Method


class MethodListView(ArticleListView):
    model = Method
    kinds = (Method.KIND,)
    section_title = _("Methods")
    template_name = "methods/method_list.html"


class MethodDetailView(ArticleDetailView):
    models = (Method,)
    section_title = _("Methods")
    section_url_name = "methods:list"
