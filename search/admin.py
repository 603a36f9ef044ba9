"""Editors' admin for Artikelsök: the synonym lists, and the report of the anonymous search log
(what people search for, what finds nothing, what nobody opens), by week, with CSV export."""

from __future__ import annotations

import csv
import datetime

from django import forms
from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from stats.exports import neutralise

from .models import SearchLogEntry, SynonymList

REPORT_ROWS = 100


@admin.register(SynonymList)
class SynonymListAdmin(admin.ModelAdmin):
    list_display = ("__str__", "updated_at")
    fields = ("language", "groups")
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 20, "cols": 100})}
    }

    def get_readonly_fields(self, request, obj=None):
        return ("language",) if obj is not None else ()


class SearchReportForm(forms.Form):
    """What the report shows: which list, for which week (or all the weeks kept)."""

    FREQUENT, EMPTY, UNOPENED = "frequent", "empty", "unopened"
    REPORTS = [
        (FREQUENT, _("Most frequent searches")),
        (EMPTY, _("Searches without results")),
        (UNOPENED, _("Searches whose results nobody opened")),
    ]
    ALL_WEEKS = "all"

    report = forms.ChoiceField(label=_("Report"), choices=REPORTS, required=False)
    week = forms.ChoiceField(label=_("Week"), required=False)

    def __init__(self, data, weeks: list[datetime.date]):
        super().__init__(data)
        self.fields["week"].choices = [
            (self.ALL_WEEKS, _("Every week kept")),
            *((week.isoformat(), _week_label(week)) for week in weeks),
        ]

    def chosen(self) -> tuple[str, datetime.date | None]:
        """(report, week or None for every week); invalid values give the defaults."""
        if not self.is_valid():
            return self.FREQUENT, None
        week = self.cleaned_data["week"]
        chosen_week = None if week in ("", self.ALL_WEEKS) else datetime.date.fromisoformat(week)
        return self.cleaned_data["report"] or self.FREQUENT, chosen_week


def _week_label(week: datetime.date) -> str:
    year, number, _weekday = week.isocalendar()
    return _("Week %(number)d, %(year)d (from %(monday)s)") % {
        "number": number,
        "year": year,
        "monday": week.isoformat(),
    }


@admin.register(SearchLogEntry)
class SearchLogAdmin(admin.ModelAdmin):
    """The log is read as a report, never edited: rows are written by searches and deleted
    by `manage.py prune_search_log` when they are older than settings.SEARCH_LOG_DAYS."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request: HttpRequest, extra_context=None) -> HttpResponse:
        if not self.has_view_permission(request):
            raise PermissionDenied
        weeks = list(
            SearchLogEntry.objects.order_by("-week").values_list("week", flat=True).distinct()
        )
        form = SearchReportForm(request.GET or None, weeks)
        report, week = form.chosen() if request.GET else (form.FREQUENT, None)
        rows = SearchLogEntry.objects.in_weeks(week, week)
        listed = {
            form.FREQUENT: rows.most_frequent,
            form.EMPTY: rows.without_results,
            form.UNOPENED: rows.never_opened,
        }[report]()[:REPORT_ROWS]
        labels = dict(form.REPORTS)
        if request.GET.get("format") == "csv":
            return _csv(listed, week, labels[report])
        export = request.GET.copy()
        export["format"] = "csv"
        context = {
            **self.admin_site.each_context(request),
            "title": _("Search log"),
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "report_label": labels[report],
            "reports": [
                (value, label, _report_link(request, value)) for value, label in form.REPORTS
            ],
            "week_label": _week_label(week) if week else _("every week kept"),
            "rows": listed,
            "csv_link": f"?{export.urlencode()}",
            "kept_days": settings.SEARCH_LOG_DAYS,
            **(extra_context or {}),
        }
        return TemplateResponse(request, "admin/search/searchlogentry/report.html", context)


def _report_link(request: HttpRequest, report: str) -> str:
    params = request.GET.copy()
    params["report"] = report
    params.pop("format", None)
    return f"?{params.urlencode()}"


def _csv(rows, week: datetime.date | None, label: str) -> HttpResponse:
    """UTF-8 with a BOM (spreadsheets read å/ä/ö right); text cells neutralised."""
    name = f"search-log-{week.isoformat() if week else 'all-weeks'}.csv"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(label)])
    writer.writerow(
        [
            str(_("Week")),
            str(_("Search")),
            str(_("Language")),
            str(_("Searches")),
            str(_("Results")),
            str(_("Results opened")),
        ]
    )
    for row in rows:
        writer.writerow(
            [
                week.isoformat() if week else str(_("every week kept")),
                neutralise(row["query"]),
                row["language"],
                row["total_searches"],
                row["latest_results"],
                row["total_opened"],
            ]
        )
    return response
