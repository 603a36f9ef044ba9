"""The site's own pages: home and the contact form."""

import logging

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.notify import email_editors
from casestudies.models import CaseStudy
from content.models import NEWS, PAGE, Article
from content.registry import search_type_choices
from infra import ratelimit
from infra.breadcrumbs import HOME_CRUMB
from research.models import Publication, ResearchSummary

from .forms import ContactForm

logger = logging.getLogger(__name__)


def home(request: HttpRequest) -> HttpResponse:
    published = Article.objects.published().newest_first()
    sections = {
        "case_studies": list(published.of_kind(CaseStudy.KIND)[:3]),
        "literature": list(published.of_kind(Publication.KIND).select_related("publication")[:5]),
        "research_summaries": list(published.of_kind(ResearchSummary.KIND)[:3]),
        "news": list(published.of_kind(NEWS)[:3]),
    }
    # What the sections show already is not repeated among the latest articles.
    shown = [article.pk for articles in sections.values() for article in articles]
    latest = published.exclude(kind=PAGE).exclude(pk__in=shown).for_cards()[:6]
    return render(
        request,
        "pluginnovation/home.html",
        {"latest_articles": latest, "search_types": search_type_choices(), **sections},
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
    """E-mail a stored message to CONTACT_EMAIL, or else to the editors; a failure is logged,
    the message stays stored (and waits on the editors' desk either way)."""
    with translation.override(settings.LANGUAGE_CODE):
        admin_path = reverse("admin:pluginnovation_contactmessage_change", args=[message.pk])
    sent = email_editors(
        "pluginnovation/email/contact_message",
        {"message": message, "admin_path": admin_path},
        recipients=[settings.CONTACT_EMAIL] if settings.CONTACT_EMAIL else None,
    )
    if sent:
        message.emailed_at = timezone.now()
        message.save(update_fields=["emailed_at"])
