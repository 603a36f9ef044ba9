"""The list and detail views every content type is made of, and those of news and
information pages (the kinds the content app owns itself)."""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from infra.breadcrumbs import HOME_CRUMB

from . import registry
from .models import NEWS, PAGE, Article, attach_tags


class ArticleListView(ListView):
    """A paginated list of one section's published articles, newest first."""

    kinds: tuple[str, ...] = ()
    section_title = ""
    paginate_by = settings.PAGE_SIZE
    template_name = "content/article_list.html"

    def get_queryset(self):
        return self.model.objects.published().of_kind(*self.kinds).newest_first()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section_title"] = self.section_title
        context["breadcrumbs"] = [HOME_CRUMB, (self.section_title, None)]
        return context


class ArticleDetailView(DetailView):
    """One article of a section. Editors also see drafts and articles in review, marked so."""

    models: tuple[type[Article], ...] = ()
    kinds: tuple[str, ...] = ()
    section_title = ""
    section_url_name = ""
    # Foreign keys the detail template reads, fetched with the article.
    select_related: tuple[str, ...] = ()
    context_object_name = "article"

    def get_object(self, queryset=None):
        # One query per candidate type; a section has at most two (literature, summaries).
        for model in self.models:
            candidates = model.objects.visible_to(self.request.user).filter(
                slug=self.kwargs["slug"]
            )
            if self.kinds:
                candidates = candidates.of_kind(*self.kinds)
            if self.select_related:
                candidates = candidates.select_related(*self.select_related)
            article = candidates.first()
            if article is not None:
                attach_tags([article])
                prefetch_related_objects([article], "images", "documents")
                return article
        raise Http404

    def get_template_names(self):
        if self.template_name:
            return [self.template_name]
        return [f"{self.object._meta.app_label}/{self.object._meta.model_name}_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        linked = list(
            Article.objects.published().filter(related_articles=article).for_cards().newest_first()
        )
        linked_ids = {item.pk for item in linked}
        context.update(
            linked_articles=linked,
            similar_articles=[
                item
                for item in Article.objects.for_cards().related_to(article)
                if item.pk not in linked_ids
            ],
            breadcrumbs=[
                HOME_CRUMB,
                (self.section_title, reverse(self.section_url_name)),
                (article.title, None),
            ],
        )
        return context


class NewsListView(ArticleListView):
    model = Article
    kinds = (NEWS,)
    section_title = gettext_lazy("News")


class NewsDetailView(ArticleDetailView):
    models = (Article,)
    kinds = (NEWS,)
    section_title = gettext_lazy("News")
    section_url_name = "news:list"
    template_name = "content/news_detail.html"


ABOUT_SLUG = "om-plug-in"


def about(request: HttpRequest) -> HttpResponse:
    """Om Plug In: the main information page and links to the other ones."""
    pages = Article.objects.of_kind(PAGE)
    # Editors preview the main page as a draft; the list of the others is the public one.
    main = pages.visible_to(request.user).filter(slug=ABOUT_SLUG).first()
    return render(
        request,
        "content/about.html",
        {
            "page": main,
            "other_pages": pages.published().exclude(slug=ABOUT_SLUG).order_by("pk"),
            "breadcrumbs": [HOME_CRUMB, (_("About Plug In"), None)],
        },
    )


class PageDetailView(ArticleDetailView):
    models = (Article,)
    kinds = (PAGE,)
    section_title = gettext_lazy("About Plug In")
    section_url_name = "pages:about"
    template_name = "content/page_detail.html"

    def get(self, request, *args, **kwargs):
        placed = registry.placed_page(kwargs["slug"])
        if placed:
            return redirect(placed, permanent=True)
        return super().get(request, *args, **kwargs)
