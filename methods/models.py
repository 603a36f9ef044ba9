from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from content.models import Article, ArticleQuerySet
from infra.i18n import CONTENT_LANGUAGES, TranslatedMixin, translated_fields

from .vocabulary import ADDRESSES

# The kind of the research library's publications (research.Publication.KIND): a method links
# to them through content.Article, as content apps never import each other.
PUBLICATION_KIND = "publication"
# Pages within the methods' section that are no method's: "Så bedömer vi evidens"
# (methods.urls) and where the methods are used (the registry's page, pluginnovation.urls).
EVIDENCE_PATH = _("evidence/")
IN_USE_PATH = _("in-use/")


def reserved_slugs() -> set[str]:
    """The addresses in the methods' section, in every language, that are not methods."""
    slugs = set()
    for code in CONTENT_LANGUAGES:
        with translation.override(code):
            slugs.update(str(path).strip("/") for path in (EVIDENCE_PATH, IN_USE_PATH))
    return slugs


class Vocabulary(models.TextChoices):
    """The controlled vocabularies a method is described with; editors manage their terms."""

    TARGET_GROUP = "target_group", _("Target group")
    INTERVENTION_TYPE = "intervention_type", _("Type of intervention")
    PHASE = "phase", _("Phase")
    PREVENTION_LEVEL = "prevention_level", _("Level of prevention")
    SCOPE = "scope", _("Scope")
    ORGANISER = "organiser", _("Organiser")


class EvidenceRating(models.IntegerChoices):
    """The site's scale for a method's scientific basis and its proven experience; each level
    is explained on "Så bedömer vi evidens" (methods:evidence)."""

    NOT_ASSESSED = 0, _("Not assessed")
    LOW = 1, _("Low")
    MODERATE = 2, _("Moderate")
    HIGH = 3, _("High")


class CostLevel(models.IntegerChoices):
    """What a method costs to run, on the scale explained on "Så bedömer vi evidens"."""

    LOW = 1, _("Low")
    MODERATE = 2, _("Moderate")
    HIGH = 3, _("High")


# The version of the vocabularies, which each process keeps in memory (finder.terms_by_vocabulary):
# bumped when a term changes (signals.py), not by every write of content.
TERMS_VERSION = "method-terms-version"


class TermQuerySet(models.QuerySet):
    def of(self, vocabulary: str):
        return self.filter(vocabulary=vocabulary)


class Term(TranslatedMixin, models.Model):
    """One value of a controlled vocabulary (a target group, a type of intervention, …)."""

    vocabulary = models.CharField(_("vocabulary"), max_length=30, choices=Vocabulary.choices)
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        help_text=_(
            "Part of the method finder's shareable links (e.g. ?malgrupp=hog-franvaro): "
            "changing it breaks links already shared."
        ),
    )
    name_sv, name_en = translated_fields(models.CharField, _("name"), max_length=150, blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first in the lists.")
    )

    objects = TermQuerySet.as_manager()

    class Meta:
        ordering = ["vocabulary", "position", "name_sv"]
        verbose_name = _("term of the method bank")
        verbose_name_plural = _("terms of the method bank")
        constraints = [
            models.UniqueConstraint(fields=["vocabulary", "slug"], name="term_slug_once"),
            models.CheckConstraint(
                condition=~Q(name_sv="") | ~Q(name_en=""), name="term_has_a_name"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_vocabulary_display()}: {self.name}"

    @property
    def name(self) -> str:
        return self.translated("name")


class MethodQuerySet(ArticleQuerySet):
    def with_terms(self, vocabulary: str, slugs) -> "MethodQuerySet":
        """Methods with any of these terms of the vocabulary."""
        return self.filter(has_terms(vocabulary, slugs))

    def addressing(self, kpi: str) -> "MethodQuerySet":
        """Methods whose type or target group works on what the indicator measures (most
        matching terms first), or none when the bank names nothing for it."""
        wanted = ADDRESSES.get(kpi)
        if wanted is None:
            return self.none()
        matching = Q()
        for vocabulary, slugs in wanted._asdict().items():
            if slugs:
                matching |= Q(terms__vocabulary=vocabulary, terms__slug__in=slugs)
        return (
            self.filter(pk__in=Method.objects.filter(matching).values("pk"))
            .annotate(matching_terms=Count("terms", filter=matching, distinct=True))
            .order_by("-matching_terms", "-published_at", "-pk")
        )

    def with_terms_listed(self) -> "MethodQuerySet":
        """With their terms read in one query (Method.terms_of reads them)."""
        return self.prefetch_related(
            models.Prefetch("terms", queryset=Term.objects.order_by("position", "name_sv", "pk"))
        )


def has_terms(vocabulary: str, slugs) -> Q:
    """Rows (methods, articles or search index rows: whatever has the method's id as its key)
    whose method has any of these terms."""
    links = Method.terms.through.objects.filter(
        method_id=OuterRef("pk"), term__vocabulary=vocabulary, term__slug__in=list(slugs)
    )
    return Q(Exists(links))


class Method(Article):
    """An intervention method, saying for whom it works and how to do it."""

    KIND = "method"

    terms = models.ManyToManyField(
        Term, blank=True, related_name="methods", verbose_name=_("terms")
    )
    target_group_sv, target_group_en = translated_fields(
        models.TextField,
        _("target group in words"),
        blank=True,
        help_text=_("Who the method is for, beyond the target groups chosen above."),
    )
    success_factors_sv, success_factors_en = translated_fields(
        models.TextField, _("success factors"), blank=True
    )
    scientific_basis = models.PositiveSmallIntegerField(
        _("scientific basis"),
        choices=EvidenceRating.choices,
        default=EvidenceRating.NOT_ASSESSED,
        help_text=_(
            "How well research supports the method, on the scale the page “How we assess "
            "evidence” explains. Link the publications the rating rests on below."
        ),
    )
    scientific_basis_sources = models.ManyToManyField(
        Article,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": PUBLICATION_KIND},
        verbose_name=_("publications behind the scientific basis"),
    )
    proven_experience = models.PositiveSmallIntegerField(
        _("proven experience"),
        choices=EvidenceRating.choices,
        default=EvidenceRating.NOT_ASSESSED,
        help_text=_(
            "How well documented experience of using the method supports it, on the same scale."
        ),
    )
    proven_experience_sources = models.ManyToManyField(
        Article,
        blank=True,
        related_name="+",
        limit_choices_to={"kind": PUBLICATION_KIND},
        verbose_name=_("publications behind the proven experience"),
    )
    evidence_source_sv, evidence_source_en = translated_fields(
        models.TextField,
        _("about the evidence"),
        blank=True,
        help_text=_("What the ratings rest on, in words."),
    )
    cost_level = models.PositiveSmallIntegerField(
        _("cost level"),
        choices=CostLevel.choices,
        null=True,
        blank=True,
        help_text=_("On the cost scale the page “How we assess evidence” explains."),
    )
    cost_sv, cost_en = translated_fields(models.TextField, _("cost in words"), blank=True)
    startup_time_sv, startup_time_en = translated_fields(
        models.TextField,
        _("time to get started"),
        blank=True,
        help_text=_("How long it takes from the decision until the method is in use."),
    )
    staff_and_training_sv, staff_and_training_en = translated_fields(
        models.TextField, _("staff and training needed"), blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_organisation = models.CharField(_("contact organisation"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact telephone"), max_length=50, blank=True)

    objects = MethodQuerySet.as_manager()

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def clean(self):
        super().clean()
        if self.slug in reserved_slugs():
            raise ValidationError(
                {"slug": _("This address is taken by a page of the method bank: choose another.")}
            )

    def terms_of(self, vocabulary: str) -> list[Term]:
        """The method's terms of one vocabulary (from the prefetched terms when read with
        `with_terms_listed`)."""
        return [term for term in self.terms.all() if term.vocabulary == vocabulary]

    @property
    def has_contact(self) -> bool:
        return any(
            (self.contact_name, self.contact_organisation, self.contact_email, self.contact_phone)
        )

    def search_texts(self, language: str) -> list[str]:
        """Also the names of the method's terms in `language` (falling back to the other
        name): a search for a type, target group or phase finds the methods that carry it."""
        texts = super().search_texts(language)
        other = "en" if language == "sv" else "sv"
        for term in self.terms.all():
            name = getattr(term, f"name_{language}") or getattr(term, f"name_{other}")
            if name:
                texts.append(name)
        return texts
