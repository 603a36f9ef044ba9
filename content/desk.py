"""The editors' desk (/admin/desk/, linked from the admin's front page): what waits for an
editor, one section each. The content app adds articles due for review and scheduled ones;
apps above it add theirs with `add_desk_section` in their AppConfig.ready() (accounts: method
proposals and "we use this method" entries; the site: contact messages; research: broken
links), so the content app never imports them. Each section is shown to those who may see
its rows."""

from __future__ import annotations

import calendar
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import registry
from .models import Article

# A section lists this many rows; its count says how many there are in all.
SHOWN = 25


@dataclass(frozen=True)
class DeskItem:
    title: str
    url: str
    # What else to say about it: a date, who sent it, "Scheduled".
    note: str = ""


@dataclass(frozen=True)
class DeskSection:
    key: str
    title: Any
    # The permission ("app.codename") needed to see the section.
    permission: str
    # The rows waiting, in the order to show them.
    rows: Callable[[], Any]
    item: Callable[[Any], DeskItem]
    empty: Any
    position: int
    # Where all of them are listed in the admin, if anywhere.
    list_url: Callable[[], str] | None = None


_sections: dict[str, DeskSection] = {}


def add_desk_section(section: DeskSection) -> None:
    _sections[section.key] = section


def sections_for(user) -> list[DeskSection]:
    return [
        section
        for section in sorted(_sections.values(), key=lambda item: item.position)
        if user.has_perm(section.permission)
    ]


def waiting_count(user) -> int:
    """How many things wait on the desk for `user` (the admin's front page says it)."""
    return sum(section.rows().count() for section in sections_for(user))


def desk_view(request: HttpRequest) -> HttpResponse:
    shown = []
    for section in sections_for(request.user):
        rows = section.rows()
        count = rows.count()
        shown.append(
            {
                "section": section,
                "count": count,
                "items": [section.item(row) for row in rows[:SHOWN]] if count else [],
                "list_url": section.list_url() if section.list_url and count else "",
            }
        )
    context = {
        **admin.site.each_context(request),
        "title": _("Editors' desk"),
        "sections": shown,
        "review_months": settings.REVIEW_AFTER_MONTHS,
    }
    return TemplateResponse(request, "admin/desk.html", context)


# The content app's own sections ---------------------------------------------------------


def months_ago(today, months: int):
    """The same day `months` calendar months before `today` (the last day of a shorter month)."""
    total = today.year * 12 + today.month - 1 - months
    year, month = divmod(total, 12)
    day = min(today.day, calendar.monthrange(year, month + 1)[1])
    return today.replace(year=year, month=month + 1, day=day)


def article_admin_url(article: Article) -> str:
    meta = registry.get(article.kind).model._meta if article.kind in _kinds() else Article._meta
    try:
        return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[article.pk])
    except NoReverseMatch:
        return ""


def _kinds() -> set[str]:
    return {item.kind for item in registry.content_types()}


def _date(value) -> str:
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def _review_item(article: Article) -> DeskItem:
    if article.last_reviewed_at:
        note = _("%(kind)s, last reviewed %(date)s") % {
            "kind": article.get_kind_display(),
            "date": _date(article.last_reviewed_at),
        }
    else:
        note = _("%(kind)s, never reviewed") % {"kind": article.get_kind_display()}
    return DeskItem(str(article), article_admin_url(article), note)


def _scheduled_item(article: Article) -> DeskItem:
    when = timezone.localtime(article.published_at)
    note = _("Scheduled: published %(when)s") % {
        "when": formats.date_format(when, "DATETIME_FORMAT")
    }
    return DeskItem(str(article), article_admin_url(article), note)


def register_content_sections() -> None:
    add_desk_section(
        DeskSection(
            key="review",
            title=gettext_lazy("Due for review"),
            permission="content.change_article",
            rows=lambda: Article.objects.review_due(
                months_ago(timezone.localdate(), settings.REVIEW_AFTER_MONTHS)
            ),
            item=_review_item,
            empty=gettext_lazy("Every published article has been reviewed recently."),
            position=10,
        )
    )
    add_desk_section(
        DeskSection(
            key="scheduled",
            title=gettext_lazy("Scheduled"),
            permission="content.view_article",
            rows=lambda: Article.objects.scheduled(),
            item=_scheduled_item,
            empty=gettext_lazy("No article is waiting to be published at a later time."),
            position=20,
        )
    )
