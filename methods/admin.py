from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from content.admin import ArticleAdmin, translated_fieldsets
from content.forms import ArticleAdminForm

from .models import Method, Term, Vocabulary

# The form's field of each vocabulary: a method's terms are edited as one list per vocabulary.
TERM_FIELDS = {
    "target_groups": Vocabulary.TARGET_GROUP,
    "intervention_types": Vocabulary.INTERVENTION_TYPE,
    "phases": Vocabulary.PHASE,
    "prevention_levels": Vocabulary.PREVENTION_LEVEL,
    "scopes": Vocabulary.SCOPE,
    "organisers": Vocabulary.ORGANISER,
}


class TermChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj: Term) -> str:
        return obj.name


def _terms_field(vocabulary: Vocabulary) -> TermChoiceField:
    return TermChoiceField(
        queryset=Term.objects.of(vocabulary),
        required=False,
        label=vocabulary.label,
        help_text=_(
            "Choose all that apply; none means “Not stated”. The lists are edited under "
            "“Terms of the method bank”."
        ),
    )


class MethodAdminForm(ArticleAdminForm):
    target_groups = _terms_field(Vocabulary.TARGET_GROUP)
    intervention_types = _terms_field(Vocabulary.INTERVENTION_TYPE)
    phases = _terms_field(Vocabulary.PHASE)
    prevention_levels = _terms_field(Vocabulary.PREVENTION_LEVEL)
    scopes = _terms_field(Vocabulary.SCOPE)
    organisers = _terms_field(Vocabulary.ORGANISER)

    class Meta:
        model = Method
        exclude = ["terms"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            chosen = list(self.instance.terms.all())
            for name, vocabulary in TERM_FIELDS.items():
                if name in self.fields:
                    self.fields[name].initial = [t.pk for t in chosen if t.vocabulary == vocabulary]

    def chosen_terms(self) -> list[Term]:
        return [term for name in TERM_FIELDS for term in self.cleaned_data.get(name, [])]


@admin.register(Method)
class MethodAdmin(ArticleAdmin):
    form = MethodAdminForm
    list_display = [
        "__str__",
        "scientific_basis",
        "proven_experience",
        "cost_level",
        "status",
        "published_at",
    ]
    list_filter = [
        "status",
        "terms",
        "scientific_basis",
        "proven_experience",
        "cost_level",
        ("tags", admin.RelatedOnlyFieldListFilter),
        "regions",
    ]
    filter_horizontal = [
        *ArticleAdmin.filter_horizontal,
        "scientific_basis_sources",
        "proven_experience_sources",
    ]
    type_fieldsets = [
        (
            _("For whom, what and when"),
            {
                "fields": list(TERM_FIELDS),
                "description": _(
                    "The method finder and Artikelsök filter by these lists, and search finds "
                    "a method by their names."
                ),
            },
        ),
        *translated_fieldsets("target_group", "success_factors"),
        (
            _("Evidence"),
            {
                "fields": [
                    "scientific_basis",
                    "scientific_basis_sources",
                    "proven_experience",
                    "proven_experience_sources",
                ]
            },
        ),
        *translated_fieldsets("evidence_source"),
        (_("Cost"), {"fields": ["cost_level"]}),
        *translated_fieldsets("cost", "startup_time", "staff_and_training"),
        (
            _("Contact"),
            {"fields": ["contact_name", "contact_organisation", "contact_email", "contact_phone"]},
        ),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.terms.set(form.chosen_terms())


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    """The vocabularies' terms: editors add, rename, order and remove them."""

    list_display = ["name_sv", "name_en", "vocabulary", "slug", "position", "method_count"]
    list_display_links = ["name_sv"]
    list_editable = ["position"]
    list_filter = ["vocabulary"]
    search_fields = ["name_sv", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name_sv"]}
    fields = ["vocabulary", "name_sv", "name_en", "slug", "position"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(method_count=Count("methods"))

    @admin.display(description=_("methods"), ordering="method_count")
    def method_count(self, term: Term) -> int:
        return term.method_count
