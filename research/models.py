from django.db import models
from django.utils.translation import gettext_lazy as _

from content.models import Article


class PublicationType(models.TextChoices):
    RESEARCH = "forskning", _("Research")
    REVIEW = "kunskapsoversikt", _("Research review")
    LITERATURE = "litteratur", _("Literature")
    REPORT = "rapport", _("Report")


class Publication(Article):
    """A piece of literature. Its title is kept in the original language in both languages."""

    KIND = "publication"

    authors = models.CharField(_("authors"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True, db_index=True)
    publisher = models.CharField(_("publisher"), max_length=255, blank=True)
    publication_type = models.CharField(
        _("type of publication"), max_length=20, choices=PublicationType.choices, blank=True
    )
    url = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(
        _("language of the publication"),
        max_length=35,
        blank=True,
        help_text=_("E.g. Swedish, English, Finnish."),
    )

    class Meta:
        verbose_name = _("publication")
        verbose_name_plural = _("literature")

    def search_keywords(self, language: str) -> list[str]:
        # Who wrote it and when: what searchers look a publication up by ("Hattie 2009"),
        # ranked with its tags. (Its publisher is a text field, searched with the body.)
        year = [str(self.year)] if self.year else []
        return [*super().search_keywords(language), self.authors, *year]


class ResearchSummary(Article):
    """A summary of research, pointing to the publications it draws on."""

    KIND = "summary"

    publications = models.ManyToManyField(
        Publication, blank=True, related_name="summaries", verbose_name=_("publications")
    )

    class Meta:
        verbose_name = _("research summary")
        verbose_name_plural = _("research summaries")
