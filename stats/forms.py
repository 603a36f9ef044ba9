"""The statistics pages' GET parameters: indicator, year, gender, municipalities, export format."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Gender, Indicator, Municipality

MAX_COMPARED = 5


class Format(forms.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[("html", "HTML"), ("csv", "CSV"), ("json", "JSON")],
            required=False,
            widget=forms.HiddenInput,
            error_messages={"invalid_choice": _("Choose the format csv or json.")},
            **kwargs,
        )


class ExportForm(forms.Form):
    """Only the format: for pages that need no other choice."""

    format = Format()

    def export_format(self) -> str:
        return self.cleaned_data.get("format") or "html"


class IndicatorYearForm(ExportForm):
    """An indicator, and a year among those the indicator has figures for (the latest by default)."""

    indicator = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        to_field_name="kpi",
        required=False,
        empty_label=None,
        error_messages={"invalid_choice": _("There is no indicator with that id.")},
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, choices=[])
    gender = forms.ChoiceField(
        label=_("Students"), choices=Gender.choices, required=False, initial=Gender.TOTAL
    )

    def __init__(self, data, *, indicators, years_by_kpi: dict[str, list[int]], **kwargs):
        super().__init__(data, **kwargs)
        self.years_by_kpi = years_by_kpi
        self.fields["indicator"].queryset = indicators
        self.fields["indicator"].label_from_instance = lambda indicator: indicator.short_title
        all_years = sorted(
            {year for years in years_by_kpi.values() for year in years}, reverse=True
        )
        self.fields["year"].choices = [("", _("Latest year"))] + [(y, y) for y in all_years]
        self.fields["year"].error_messages["invalid_choice"] = _(
            "There are no figures for that year."
        )

    def clean(self):
        cleaned = super().clean()
        indicator = cleaned.get("indicator") or self.fields["indicator"].queryset.first()
        cleaned["indicator"] = indicator
        cleaned["gender"] = cleaned.get("gender") or Gender.TOTAL
        if indicator is None:
            return cleaned
        years = self.years_by_kpi.get(indicator.kpi, [])
        year = cleaned.get("year")
        if year in (None, ""):
            cleaned["year"] = max(years) if years else None
        elif year not in years:
            self.add_error(
                "year",
                _("%(indicator)s has figures for %(first)s–%(last)s only.")
                % {"indicator": indicator.short_title, "first": min(years), "last": max(years)}
                if years
                else _("There are no figures for this indicator."),
            )
        return cleaned


class CompareForm(ExportForm):
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Municipalities"),
        queryset=Municipality.objects.order_by("name"),
        to_field_name="code",
        required=False,
        help_text=_("Choose up to five. Hold down Ctrl (Cmd on a Mac) to choose more than one."),
        error_messages={
            "invalid_choice": _("%(value)s is not a municipality code."),
            "invalid_pk_value": _("%(pk)s is not a municipality code."),
        },
        widget=forms.SelectMultiple(attrs={"size": 12}),
    )

    def __init__(self, data=None, **kwargs):
        if data is not None:
            # Short parameter in the address: ?m=1441&m=1402 (links from municipality pages);
            # empty values (an unchosen list) are no choice, not an error.
            data = data.copy()
            codes = data.getlist("municipalities") or data.getlist("m")
            data.setlist("municipalities", [code for code in codes if code.strip()])
        super().__init__(data, **kwargs)

    def clean_municipalities(self):
        chosen = self.cleaned_data["municipalities"]
        if len(chosen) > MAX_COMPARED:
            raise forms.ValidationError(
                _("Choose at most %(max)d municipalities (you chose %(count)d)."),
                params={"max": MAX_COMPARED, "count": len(chosen)},
            )
        return chosen
