"""The statistics pages' GET parameters: indicator, year, gender, municipalities, export format."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from .models import Gender, Indicator, Municipality

MAX_COMPARED = 5


class ChoiceSlots(forms.SelectMultiple):
    """A multiple choice as several lists of one choice each ("Kommun 1", "Kommun 2", …).

    A multiple <select> of 290 municipalities asks for Ctrl-clicks, which phones do not have,
    and hides what is chosen; a list per choice is plain to use by touch, keyboard and screen
    reader. Each list is named `name` (the form reads it back as the field), an unchosen one
    sends "" (no choice).
    """

    def __init__(self, slots: int, slot_label: str, empty_label: str, name: str, attrs=None):
        super().__init__(attrs)
        self.slots, self.slot_label, self.empty_label, self.name = (
            slots,
            slot_label,
            empty_label,
            name,
        )

    def render(self, name, value, attrs=None, renderer=None) -> SafeString:
        chosen = [str(item) for item in (value or []) if str(item).strip()]
        options = [(str(key), str(label)) for key, label in self.choices if str(key)]
        attrs = attrs or {}
        base_id = attrs.get("id") or f"id_{name}"
        # What Django puts on a field's input (help, errors) goes on each list.
        shared = format_html_join(
            "",
            ' {}="{}"',
            ((key, attrs[key]) for key in ("aria-describedby", "aria-invalid") if key in attrs),
        )
        slots = []
        for index in range(self.slots):
            selected = chosen[index] if index < len(chosen) else ""
            listed = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((key, " selected" if key == selected else "", label) for key, label in options),
            )
            slots.append(
                format_html(
                    '<div class="field"><label for="{id}">{label}</label>'
                    '<select id="{id}" name="{name}"{shared}>'
                    '<option value="">{empty}</option>{options}</select></div>',
                    id=f"{base_id}_{index + 1}",
                    label=self.slot_label % {"number": index + 1},
                    name=self.name,
                    shared=shared,
                    empty=self.empty_label,
                    options=listed,
                )
            )
        return format_html_join("", "{}", ((slot,) for slot in slots))


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
        help_text=_("Choose up to five."),
        error_messages={
            "invalid_choice": _("%(value)s is not a municipality code."),
            "invalid_pk_value": _("%(pk)s is not a municipality code."),
        },
        widget=ChoiceSlots(
            slots=MAX_COMPARED,
            slot_label=_("Municipality %(number)d"),
            empty_label=_("Choose a municipality"),
            name="m",
        ),
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
