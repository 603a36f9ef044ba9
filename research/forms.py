"""Forms of the research app: the authors' editor in the admin, the reference file upload, and
the filters and order of the research list (Forskning)."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.forms import ArticleAdminForm
from content.models import Article

from . import names
from .models import FIRST_YEAR, PUBLICATION, SUMMARY, Language, PublicationType, StudyDesign

# ---------------------------------------------------------------------------------------------
# Authors in the admin


class AuthorsWidget(forms.Widget):
    """One row per author (family name and given names, or an organisation's name) with its
    place in the list, and a few empty rows to add more; works without JavaScript."""

    template_name = "research/widgets/authors.html"
    blank_rows = 3
    parts = ("order", "family", "given", "literal")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        rows = [self._row(position, author) for position, author in enumerate(value or [], 1)]
        start = len(rows) + 1
        rows += [{"order": str(n)} for n in range(start, start + self.blank_rows)]
        context["widget"]["rows"] = rows
        return context

    @staticmethod
    def _row(position: int, author: dict) -> dict:
        if "order" in author:  # a submitted row shown again with its errors
            return author
        return {"order": str(position), **author}

    def render(self, name, value, attrs=None, renderer=None):
        # The project's templates (the form renderer only reads those of the apps and Django).
        return mark_safe(render_to_string(self.template_name, self.get_context(name, value, attrs)))  # noqa: S308 - a template, autoescaped

    def value_from_datadict(self, data, files, name):
        try:
            count = min(int(data.get(f"{name}-rows", 0)), names.MAX_AUTHORS + self.blank_rows)
        except (TypeError, ValueError):
            count = 0
        return [
            {part: str(data.get(f"{name}-{index}-{part}", "")).strip() for part in self.parts}
            for index in range(count)
        ]

    def value_omitted_from_data(self, data, files, name):
        return f"{name}-rows" not in data


class AuthorsField(forms.Field):
    widget = AuthorsWidget
    default_error_messages = {
        "both": _("Row %(row)d: a person (family and given names) or an organisation, not both."),
        "given_only": _("Row %(row)d: give the family name too."),
        "order": _("Row %(row)d: the place in the list is a whole number."),
    }

    def to_python(self, value) -> list[dict]:
        if not value:
            return []
        if all("order" not in row for row in value):  # the stored list itself (initial)
            return value
        ordered, errors = [], []
        for row_number, row in enumerate(value, start=1):
            family, given, literal = (
                row.get("family", ""),
                row.get("given", ""),
                row.get("literal", ""),
            )
            if not (family or given or literal):
                continue
            if literal and (family or given):
                errors.append(self._error("both", row_number))
            elif given and not family:
                errors.append(self._error("given_only", row_number))
            try:
                order = int(row.get("order") or row_number)
            except ValueError:
                errors.append(self._error("order", row_number))
                order = row_number
            name = names.organisation(literal) if literal else names.person(family, given)
            ordered.append((order, row_number, name))
        if errors:
            raise ValidationError(errors)
        return [name for _order, _row, name in sorted(ordered, key=lambda item: item[:2])]

    def _error(self, code: str, row: int) -> ValidationError:
        return ValidationError(self.error_messages[code], code=code, params={"row": row})

    def validate(self, value) -> None:
        super().validate(value)
        names.validate_authors(value)

    def has_changed(self, initial, data) -> bool:
        try:
            return self.to_python(data) != (initial or [])
        except ValidationError:
            return True


class PublicationAdminForm(ArticleAdminForm):
    authors = AuthorsField(
        label=_("Authors"),
        required=False,
        help_text=_(
            "In the order the publication names them: a person's family name and given names "
            "or initials (Abrami; P.C.), or an organisation's name. Change the numbers to "
            "reorder; empty a row to remove it."
        ),
    )


# ---------------------------------------------------------------------------------------------
# Importing a file of references


class ReferenceFileForm(forms.Form):
    file = forms.FileField(
        label=_("File of references"),
        help_text=_(
            "RIS (.ris), BibTeX (.bib) or CSL-JSON (.json), as Zotero, EndNote or Mendeley "
            "export them. You will see what the file holds before anything is imported."
        ),
    )


# ---------------------------------------------------------------------------------------------
# The research list


class ContentChoice:
    LITERATURE, SUMMARIES = "litteratur", "sammanfattningar"
    choices = [
        (LITERATURE, _("Literature")),
        (SUMMARIES, _("Research summaries")),
    ]
    kinds = {LITERATURE: PUBLICATION, SUMMARIES: SUMMARY}


SORT_CHOICES = [
    ("ar", pgettext_lazy("sort order", "Year, newest first")),
    ("forfattare", pgettext_lazy("sort order", "Author")),
    ("titel", pgettext_lazy("sort order", "Title")),
]
SORT_KEYS = {"ar": "year", "forfattare": "author", "titel": "title"}
OPEN_ACCESS_CHOICES = [("ja", _("Only open access"))]


class YearFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class ResearchFilterSet(django_filters.FilterSet):
    """Forskning's filters and order, read from GET (their names are Swedish in both
    languages, as Artikelsök's, so that a shared link means the same thing)."""

    innehall = django_filters.ChoiceFilter(
        choices=ContentChoice.choices,
        method="filter_content",
        label=_("Show"),
        empty_label=_("Literature and research summaries"),
    )
    typ = django_filters.ChoiceFilter(
        choices=PublicationType.choices,
        field_name="publication__publication_type",
        label=_("Type of publication"),
        empty_label=_("Any type"),
    )
    design = django_filters.ChoiceFilter(
        choices=StudyDesign.choices,
        field_name="publication__study_design",
        label=_("Study design"),
        empty_label=_("Any design"),
    )
    sprak = django_filters.ChoiceFilter(
        choices=Language.choices,
        field_name="publication__language",
        label=_("Language"),
        empty_label=_("Any language"),
    )
    fran = YearFilter(
        method="filter_from", label=_("From year"), min_value=FIRST_YEAR, max_value=2100
    )
    till = YearFilter(
        method="filter_until", label=_("To year"), min_value=FIRST_YEAR, max_value=2100
    )
    oppen = django_filters.ChoiceFilter(
        choices=OPEN_ACCESS_CHOICES,
        method="filter_open_access",
        label=_("Open access"),
        empty_label=_("Whether open or not"),
    )
    sortering = django_filters.ChoiceFilter(
        choices=SORT_CHOICES, method="filter_nothing", label=_("Sort by"), empty_label=None
    )

    class Meta:
        model = Article
        fields: list[str] = []

    def filter_content(self, queryset, name, value):
        return queryset.filter(kind=ContentChoice.kinds[value])

    def filter_from(self, queryset, name, value):
        return queryset.from_year(int(value))

    def filter_until(self, queryset, name, value):
        return queryset.until_year(int(value))

    def filter_open_access(self, queryset, name, value):
        return queryset.filter(publication__open_access=True)

    def filter_nothing(self, queryset, name, value):
        return queryset  # the order is set once all filters are applied

    @property
    def order(self) -> str:
        if self.form.is_valid() and self.form.cleaned_data.get("sortering"):
            return self.form.cleaned_data["sortering"]
        return "ar"

    @property
    def qs(self):
        return super().qs.sorted_by(SORT_KEYS[self.order])

    @property
    def chosen_count(self) -> int:
        """How many filters (not the order) are chosen."""
        if not self.form.is_valid():
            return 0
        return sum(
            value not in (None, "")
            for name, value in self.form.cleaned_data.items()
            if name != "sortering"
        )

    @property
    def chosen(self) -> bool:
        return self.chosen_count > 0
