from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, IntegerField, Q, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.db.models.functions import Coalesce, ExtractYear, Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import Article, ArticleQuerySet
from infra.i18n import current_language, translated_fields

from . import identifiers, names

FIRST_YEAR = 1400
# The kinds of this app's articles (Article.kind).
PUBLICATION, SUMMARY = "publication", "summary"


class PublicationType(models.TextChoices):
    """What kind of publication it is, as reference managers tell them apart. "Research" and
    "Literature" are for a publication known only as that (as the original site's seeds)."""

    JOURNAL_ARTICLE = "tidskriftsartikel", _("Journal article")
    BOOK = "bok", _("Book")
    CHAPTER = "kapitel", _("Book chapter")
    REPORT = "rapport", _("Report")
    THESIS = "avhandling", _("Thesis")
    SYSTEMATIC_REVIEW = "systematisk-oversikt", _("Systematic review")
    REVIEW = "kunskapsoversikt", _("Research review")
    POLICY = "styrdokument", _("Policy document")
    RESEARCH = "forskning", _("Research")
    LITERATURE = "litteratur", _("Literature")


class StudyDesign(models.TextChoices):
    SYSTEMATIC_REVIEW = "systematisk-oversikt", _("Systematic review or meta-analysis")
    RANDOMISED = "randomiserad", _("Randomised controlled trial")
    QUASI_EXPERIMENTAL = "kvasiexperimentell", _("Quasi-experimental study")
    QUALITATIVE = "kvalitativ", _("Qualitative study")
    CASE_STUDY = "fallstudie", _("Case study")
    OTHER = "annan", _("Other design")


class Language(models.TextChoices):
    """The language a publication is written in (ISO 639-1 codes, as CSL and RIS write them)."""

    SWEDISH = "sv", _("Swedish")
    ENGLISH = "en", _("English")
    NORWEGIAN = "no", _("Norwegian")
    DANISH = "da", _("Danish")
    FINNISH = "fi", _("Finnish")
    GERMAN = "de", _("German")
    FRENCH = "fr", _("French")
    SPANISH = "es", _("Spanish")


def latest_year() -> int:
    """A year of publication may be next year's (a book announced as forthcoming), no later."""
    return timezone.now().year + 1


def validate_year(value: int) -> None:
    if value is not None and value > latest_year():
        raise ValidationError(
            _("The year cannot be later than %(year)d."),
            code="future_year",
            params={"year": latest_year()},
        )


class ResearchQuerySet(ArticleQuerySet):
    """Literature and research summaries, listed together as Article rows (Forskning)."""

    def with_references(self):
        """Each row with its publication's fields (cards show the authors and the year)."""
        return self.select_related("publication")

    def from_year(self, year: int):
        """Literature published that year or later; summaries put on the site then or later."""
        return self.filter(self._year_condition("gte", year))

    def until_year(self, year: int):
        return self.filter(self._year_condition("lte", year))

    @staticmethod
    def _year_condition(lookup: str, year: int) -> Q:
        # A publication's own year of publication, never the day it was put on the site.
        return Q(**{f"publication__year__{lookup}": year}) | Q(
            ~Q(kind=PUBLICATION), **{f"published_at__year__{lookup}": year}
        )

    def sorted_by(self, order: str):
        """By year (newest first), the first author's name or the title; the other keys and
        then newest on the site break ties. Summaries have no author: they come last then."""
        year = Case(
            When(kind=PUBLICATION, then=F("publication__year")),
            default=ExtractYear("published_at"),
            output_field=IntegerField(),
        )
        # (KT() cannot follow a relation: the key transforms are built on the related field.)
        first = KeyTransform(0, "publication__authors")
        first_author = Lower(
            Coalesce(KeyTextTransform("family", first), KeyTextTransform("literal", first))
        )
        language = current_language()
        other = "en" if language == "sv" else "sv"
        title = Lower(
            Case(
                When(**{f"title_{language}": ""}, then=F(f"title_{other}")),
                default=F(f"title_{language}"),
            )
        )
        keys = {
            "year": [year.desc(nulls_last=True), first_author.asc(nulls_last=True), title],
            "author": [first_author.asc(nulls_last=True), year.desc(nulls_last=True), title],
            "title": [title, year.desc(nulls_last=True)],
        }
        return self.order_by(*keys[order], "-published_at", "-pk")


class PublicationQuerySet(ArticleQuerySet):
    def with_dois(self, dois):
        """The publications with any of these DOIs, whatever their letters' case."""
        return self.annotate(doi_lower=Lower("doi")).filter(
            doi_lower__in=[doi.lower() for doi in dois]
        )

    def with_links(self):
        """Those with a DOI, a link or a PDF to check."""
        return self.exclude(doi="", url="", pdf_url="")


class Publication(Article):
    """A reference: who wrote what, when, where it appeared and how to find it.

    Its title (Article's) is kept in the original language in both languages; a part after
    the main title goes in `subtitle`. The authors are an ordered list (names.py).
    """

    KIND = PUBLICATION

    authors = models.JSONField(
        _("authors"),
        default=list,
        blank=True,
        validators=[names.validate_authors],
        help_text=_("In the order the publication names them."),
    )
    # The names as text, for Artikelsök (which indexes a publication's text fields).
    author_names = models.TextField(_("authors' names"), blank=True, editable=False)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(FIRST_YEAR), validate_year],
        help_text=_("The year of publication."),
    )
    date = models.DateField(
        _("date of publication"),
        null=True,
        blank=True,
        help_text=_("Only where the full date is known; its year must be the year above."),
    )
    subtitle = models.CharField(_("subtitle"), max_length=255, blank=True)
    publication_type = models.CharField(
        _("type of publication"), max_length=20, choices=PublicationType.choices, blank=True
    )
    container_title = models.CharField(
        _("journal or book"),
        max_length=300,
        blank=True,
        help_text=_("The journal an article appeared in, or the book a chapter is part of."),
    )
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    place = models.CharField(_("place of publication"), max_length=100, blank=True)
    volume = models.CharField(_("volume"), max_length=20, blank=True)
    issue = models.CharField(_("issue"), max_length=20, blank=True)
    pages = models.CharField(_("pages"), max_length=50, blank=True, help_text=_("E.g. 949-967."))
    edition = models.CharField(_("edition"), max_length=30, blank=True)
    doi = models.CharField(
        _("DOI"),
        max_length=255,
        blank=True,
        help_text=_("E.g. 10.1111/j.1467-8624.2005.00889.x (a doi.org address is read too)."),
    )
    isbn = models.CharField(_("ISBN"), max_length=17, blank=True)
    issn = models.CharField(_("ISSN"), max_length=9, blank=True)
    url = models.URLField(_("link"), max_length=identifiers.MAX_URL_LENGTH, blank=True)
    pdf_url = models.URLField(
        _("link to the full text (PDF)"), max_length=identifiers.MAX_URL_LENGTH, blank=True
    )
    language = models.CharField(
        _("language of the publication"), max_length=2, choices=Language.choices, blank=True
    )
    open_access = models.BooleanField(
        _("open access"),
        null=True,
        blank=True,
        help_text=_("Whether anyone may read the full text free of charge."),
    )
    abstract_sv, abstract_en = translated_fields(models.TextField, _("abstract"), blank=True)
    study_design = models.CharField(
        _("study design"), max_length=20, choices=StudyDesign.choices, blank=True
    )
    context_sv, context_en = translated_fields(
        models.CharField,
        _("country or context"),
        max_length=200,
        blank=True,
        help_text=_("Where the study was made, e.g. Sweden, Canada or the Nordic countries."),
    )

    objects = PublicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("literature")
        constraints = [
            models.UniqueConstraint(
                Lower("doi"),
                condition=~Q(doi=""),
                name="publication_doi_once",
                violation_error_message=_("Another publication already has this DOI."),
            ),
            models.CheckConstraint(
                condition=Q(date__isnull=True) | Q(year__isnull=False),
                name="publication_date_has_year",
            ),
        ]

    def save(self, *args, **kwargs):
        self.author_names = names.plain_text(self.authors or [])
        if self.date and not self.year:
            self.year = self.date.year
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors: dict[str, list] = {}
        for name, normal in (
            ("doi", identifiers.normal_doi),
            ("isbn", identifiers.normal_isbn),
            ("issn", identifiers.normal_issn),
            ("url", identifiers.normal_url),
            ("pdf_url", identifiers.normal_url),
            ("pages", identifiers.normal_pages),
        ):
            value = getattr(self, name)
            if value:
                try:
                    setattr(self, name, normal(value))
                except ValidationError as error:
                    errors.setdefault(name, []).extend(error.messages)
        if self.date:
            if self.year is None:
                self.year = self.date.year
            elif self.date.year != self.year:
                errors.setdefault("date", []).append(
                    _("The date is in %(date_year)d, the year of publication %(year)d.")
                    % {"date_year": self.date.year, "year": self.year}
                )
        if errors:
            raise ValidationError(errors)

    # -- the reference as shown

    @property
    def full_title(self) -> str:
        """The title and, after a colon, the subtitle."""
        if not self.subtitle:
            return self.title
        separator = " " if self.title.rstrip().endswith(("?", "!", ":", ".")) else ": "
        return f"{self.title.rstrip()}{separator}{self.subtitle}"

    @property
    def author_list(self) -> list[str]:
        return [names.display_name(name) for name in self.authors or []]

    @property
    def short_authors(self) -> str:
        """Cards: up to three authors, else the first and "m.fl." / "et al."."""
        return names.short_list(self.authors or [])

    @property
    def all_authors(self) -> str:
        return names.full_list(self.authors or [])

    @property
    def doi_url(self) -> str:
        return identifiers.doi_url(self.doi) if self.doi else ""

    @property
    def abstract(self) -> str:
        return self.translated("abstract")

    @property
    def context(self) -> str:
        return self.translated("context")


class ResearchSummary(Article):
    """A summary of research, pointing to the publications it draws on."""

    KIND = SUMMARY

    publications = models.ManyToManyField(
        Publication, blank=True, related_name="summaries", verbose_name=_("publications")
    )

    class Meta:
        verbose_name = _("research summary")
        verbose_name_plural = _("research summaries")


class LinkOutcome(models.TextChoices):
    OK = "ok", _("Works")
    MOVED = "moved", _("Moved permanently")
    BROKEN = "broken", _("Broken")
    UNREACHABLE = "unreachable", _("No answer")
    REFUSED = "refused", _("Not checked (not a public address)")


class LinkField(models.TextChoices):
    DOI = "doi", _("DOI")
    URL = "url", _("Link")
    PDF = "pdf_url", _("Full text (PDF)")


class LinkCheckQuerySet(models.QuerySet):
    def needing_attention(self):
        """Links an editor should look at: broken, unanswered or moved."""
        return self.exclude(outcome=LinkOutcome.OK)


class LinkCheck(models.Model):
    """The last check of one of a publication's links (`manage.py check_links`)."""

    publication = models.ForeignKey(
        Publication,
        on_delete=models.CASCADE,
        related_name="link_checks",
        verbose_name=_("publication"),
    )
    field = models.CharField(_("which link"), max_length=10, choices=LinkField.choices)
    url = models.URLField(_("address checked"), max_length=1000)
    outcome = models.CharField(_("result"), max_length=12, choices=LinkOutcome.choices)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("moved to"), max_length=1000, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    checked_at = models.DateTimeField(_("checked"))

    objects = LinkCheckQuerySet.as_manager()

    class Meta:
        ordering = ["outcome", "-checked_at"]
        verbose_name = _("link check")
        verbose_name_plural = _("link checks")
        constraints = [
            models.UniqueConstraint(fields=["publication", "field"], name="link_checked_once")
        ]

    def __str__(self) -> str:
        return f"{self.url} ({self.get_outcome_display()})"

    @property
    def is_current(self) -> bool:
        """Whether the publication still has the address that was checked."""
        value = getattr(self.publication, self.field)
        return (
            bool(value)
            and (identifiers.doi_url(value) if self.field == "doi" else value) == self.url
        )


class ReferenceUpload(models.Model):
    """A file of references an editor uploaded, kept between its preview and its import (the
    preview and the import read the same text); deleted once imported, or after a day."""

    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=255)
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("uploaded reference file")
        verbose_name_plural = _("uploaded reference files")

    def __str__(self) -> str:
        return self.filename
