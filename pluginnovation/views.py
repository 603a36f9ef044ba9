"""Pages every content type shares: home, news, information pages, contact, errors.

The generic list and detail views here are what the content apps' views are made of.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from infra import ratelimit

from .forms import ContactForm
from .models import Article, Kind, attach_tags
from .search.filters import TYPE_CHOICES

logger = logging.getLogger(__name__)

HOME_CRUMB = (gettext_lazy("Home"), reverse_lazy("home"))


class ArticleListView(ListView):
    """A paginated list of one section's published articles, newest first."""

    kinds: tuple[str, ...] = ()
    section_title = ""
    paginate_by = settings.PAGE_SIZE
    template_name = "pluginnovation/article_list.html"

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
                return article
        raise Http404

    def get_template_names(self):
        if self.template_name:
            return [self.template_name]
        return [f"{self.object._meta.app_label}/{self.object._meta.model_name}_detail.html"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        linked = list(Article.objects.published().filter(related_articles=article).newest_first())
        linked_ids = {item.pk for item in linked}
        context.update(
            linked_articles=linked,
            similar_articles=[
                item for item in Article.objects.related_to(article) if item.pk not in linked_ids
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
    kinds = (Kind.NEWS,)
    section_title = gettext_lazy("News")


class NewsDetailView(ArticleDetailView):
    models = (Article,)
    kinds = (Kind.NEWS,)
    section_title = gettext_lazy("News")
    section_url_name = "news:list"
    template_name = "pluginnovation/news_detail.html"


ABOUT_SLUG = "om-plug-in"


def about(request: HttpRequest) -> HttpResponse:
    """Om Plug In: the main information page and links to the other ones."""
    pages = Article.objects.of_kind(Kind.PAGE)
    # Editors preview the main page as a draft; the list of the others is the public one.
    main = pages.visible_to(request.user).filter(slug=ABOUT_SLUG).first()
    return render(
        request,
        "pluginnovation/about.html",
        {
            "page": main,
            "other_pages": pages.published().exclude(slug=ABOUT_SLUG).order_by("pk"),
            "breadcrumbs": [HOME_CRUMB, (_("About Plug In"), None)],
        },
    )


class PageDetailView(ArticleDetailView):
    models = (Article,)
    kinds = (Kind.PAGE,)
    section_title = gettext_lazy("About Plug In")
    section_url_name = "pages:about"
    template_name = "pluginnovation/page_detail.html"


def home(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published().newest_first()
    sections = {
        "case_studies": list(published.of_kind(Kind.CASE_STUDY)[:3]),
        "literature": list(published.of_kind(Kind.PUBLICATION).select_related("publication")[:5]),
        "research_summaries": list(published.of_kind(Kind.RESEARCH_SUMMARY)[:3]),
        "news": list(published.of_kind(Kind.NEWS)[:3]),
    }
    # What the sections show already is not repeated among the latest articles.
    shown = [article.pk for articles in sections.values() for article in articles]
    latest = published.exclude(kind=Kind.PAGE).exclude(pk__in=shown)[:6]
    return render(
        request,
        "pluginnovation/home.html",
        {"latest_articles": latest, "search_types": TYPE_CHOICES, **sections},
    )


def contact(request: HttpRequest) -> HttpResponse:
    form = ContactForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and ratelimit.form_allowed(request, "contact", form)
    ):
        if form.is_bot():
            # Answer as if all went well: a bot learns nothing from a refusal.
            logger.info("contact form honeypot filled; message dropped")
        else:
            message = form.save(commit=False)
            message.language = (request.LANGUAGE_CODE or "sv")[:5]
            message.save()
            _email_contact_message(message)
        messages.success(request, _("Thank you! Your message has been sent."))
        return redirect("contact")
    return render(
        request,
        "pluginnovation/contact.html",
        {"form": form, "breadcrumbs": [HOME_CRUMB, (_("Contact us"), None)]},
    )


def _email_contact_message(message) -> None:
    """E-mail a stored message to the editors; a failure is logged, the message stays stored."""
    if not settings.CONTACT_EMAIL:
        return
    try:
        send_mail(
            subject=f"[PlugInnovation] {message.subject}",
            message=f"{message.name} <{message.email}> {message.organisation}\n\n{message.message}",
            from_email=None,
            recipient_list=[settings.CONTACT_EMAIL],
        )
    except Exception:  # noqa: BLE001 - whatever the mail backend raises, the message is kept
        logger.exception("contact message %s stored but not e-mailed", message.pk)
        return
    message.emailed_at = timezone.now()
    message.save(update_fields=["emailed_at"])


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 page in the site's look; plain text if even that cannot be drawn."""
    try:
        return HttpResponseServerError(loader.render_to_string("500.html", request=request))
    except Exception:  # noqa: BLE001 - the last line of defence must not raise
        logger.exception("500 page could not be rendered")
        return HttpResponseServerError(
            "Serverfel: försök igen om en stund. / Server error: please try again later.",
            content_type="text/plain; charset=utf-8",
        )
