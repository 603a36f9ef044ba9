"""The site's own pages: home and the contact form."""

import logging

from django.conf import settings
from django.contrib import messages
from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from casestudies.models import CaseStudy
from content.models import NEWS, PAGE, Article
from content.registry import search_type_choices
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
    if request.method == "POST" and form.is_valid():
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
