"""Writes that span models or reach outside: profiles, proposals, account deletion, alerts."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.http import QueryDict
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import get_random_string
from django.utils.text import slugify

from content import revisions
from content.models import Article, Status
from methods.models import Method
from search.api import run_search

from . import notify
from .models import MethodProposal, Profile, SavedSearch, SentAlert

logger = logging.getLogger(__name__)

UNSUBSCRIBE_SALT = "accounts.alerts.unsubscribe"


def profile_of(user: AbstractBaseUser) -> Profile:
    """The user's profile, created on first use (users made in the admin have none yet)."""
    try:
        return user.profile
    except Profile.DoesNotExist:
        profile, _created = Profile.objects.get_or_create(user=user)
        return profile


def delete_account(user: AbstractBaseUser) -> None:
    """Delete the user and everything that is theirs: profile, saved items, registry entries and
    the methods they proposed that were never published, with their revisions. Published articles stay, without them
    as author."""
    with transaction.atomic():
        unpublished = MethodProposal.objects.of(user).exclude(method__status=Status.PUBLISHED)
        proposed = list(unpublished.values_list("method_id", flat=True))
        Method.objects.filter(pk__in=proposed).delete()
        revisions.forget(proposed)
        Article.objects.filter(author=user).update(author=None)
        user.delete()


def unique_slug(title: str) -> str:
    base = slugify(title)[:180] or "metod"
    slug = base
    while Article.objects.filter(slug=slug).exists():
        slug = f"{base}-{get_random_string(6, 'abcdefghijklmnopqrstuvwxyz0123456789')}"
    return slug


def propose_method(user: AbstractBaseUser, language: str, data: dict) -> MethodProposal:
    """A method proposed by a user: a Method in review, authored by them, for the editors."""
    language = language if language in ("sv", "en") else "sv"
    fields = {
        f"{name}_{language}": data.get(name, "")
        for name in ("title", "summary", "body", "target_group")
    }
    with transaction.atomic(), revisions.recording(user):
        method = Method(
            slug=unique_slug(data["title"]),
            status=Status.REVIEW,
            author=user,
            contact_name=data.get("contact_name", ""),
            contact_organisation=data.get("contact_organisation", ""),
            contact_email=data.get("contact_email", ""),
            **fields,
        )
        method.save()
        proposal = MethodProposal.objects.create(user=user, method=method)
        transaction.on_commit(lambda: tell_editors_of_proposal(proposal))
    return proposal


def tell_editors_of_proposal(proposal: MethodProposal) -> bool:
    method = proposal.method
    with translation.override(settings.LANGUAGE_CODE):
        paths = {
            "admin_path": reverse("admin:methods_method_change", args=[method.pk]),
            "desk_path": reverse("editors_desk"),
        }
    return notify.email_editors(
        "accounts/email/method_proposal",
        {
            "method": method,
            "proposer": proposal.user.get_full_name() or proposal.user.email,
            **paths,
        },
    )


# Search alerts ------------------------------------------------------------------------


def unsubscribe_token(user: AbstractBaseUser, searches: list[SavedSearch]) -> str:
    """Signed: the user and the saved searches an alert was about."""
    ids = ".".join(str(search.pk) for search in searches)
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign(f"{user.pk}-{ids}")


def user_from_unsubscribe_token(token: str):
    """The user the token was made for, or None if it was tampered with or if none of the
    saved searches it was made for exists any more: the link expires with them."""
    from django.contrib.auth import get_user_model

    try:
        user_id, _dash, ids = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign(token).partition("-")
    except signing.BadSignature:
        return None
    search_ids = [int(pk) for pk in ids.split(".") if pk.isdigit()]
    if not user_id.isdigit() or not search_ids:
        return None
    return (
        get_user_model()
        .objects.filter(pk=int(user_id), saved_searches__pk__in=search_ids)
        .distinct()
        .first()
    )


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


@dataclass
class Alert:
    user: AbstractBaseUser
    searches: list[tuple[SavedSearch, list[Article]]] = field(default_factory=list)

    @property
    def articles(self) -> list[Article]:
        return [article for _search, articles in self.searches for article in articles]


def collect_alerts(now=None) -> list[Alert]:
    """Per user, the newly published articles matching each saved search, none sent before."""
    now = now or timezone.now()
    alerts: dict[int, Alert] = {}
    sent: dict[int, set[int]] = {}  # per user: articles e-mailed before or already in this alert
    searches = SavedSearch.objects.alerting().select_related("user").order_by("user_id", "pk")
    for search in searches:
        if search.user_id not in alerts:
            alerts[search.user_id] = Alert(user=search.user)
            sent[search.user_id] = set(
                SentAlert.objects.filter(user_id=search.user_id).values_list(
                    "article_id", flat=True
                )
            )
        already = sent[search.user_id]
        matches = [
            article
            for article in run_search(search_params(search.query))
            .filter(published_at__gt=search.alert_since, published_at__lte=now)
            .order_by("-published_at", "-pk")[:50]
            if article.pk not in already
        ]
        if matches:
            alerts[search.user_id].searches.append((search, matches))
            already.update(article.pk for article in matches)
    return [alert for alert in alerts.values() if alert.searches]


def search_params(query: str) -> QueryDict:
    return QueryDict(query)


def send_alert(alert: Alert, now=None) -> bool:
    """One e-mail with all of a user's new matches; recorded so no article is sent twice."""
    now = now or timezone.now()
    user = alert.user
    language = profile_of(user).language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "user": user,
            "searches": [
                (search, absolute_url(search.get_search_url()), articles)
                for search, articles in alert.searches
            ],
            "site_url": settings.SITE_URL.rstrip("/"),
            "unsubscribe_url": absolute_url(
                reverse(
                    "accounts:unsubscribe",
                    args=[unsubscribe_token(user, [search for search, _a in alert.searches])],
                )
            ),
            "settings_url": absolute_url(reverse("accounts:settings")),
        }
        subject = render_to_string("accounts/email/search_alert_subject.txt", context).strip()
        body = render_to_string("accounts/email/search_alert.txt", context)
    message = EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[user.email],
        # RFC 8058: a mail client unsubscribes in one click, POSTing to the link itself.
        headers={
            "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    try:
        message.send()
    except OSError:
        logger.exception("search alert for user %s not sent", user.pk)
        return False
    with transaction.atomic():
        SentAlert.objects.bulk_create(
            [SentAlert(user=user, article=article, sent_at=now) for article in alert.articles],
            ignore_conflicts=True,
        )
        SavedSearch.objects.filter(pk__in=[search.pk for search, _a in alert.searches]).update(
            last_alerted_at=now
        )
    return True
