"""Content for the browser tests: one article of every type, so every page type can be drawn."""

from dataclasses import dataclass

from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from content.models import NEWS, PAGE
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    ResearchSummaryFactory,
)


@dataclass
class Content:
    method: object
    publication: object
    summary: object
    case_study: object
    news: object
    page: object
    municipality: object


def make_content(statistics: bool = True) -> Content:
    if statistics:
        # The real figures shipped in stats/data (37k rows, ~3 s): charts, maps and tables drawn.
        call_command("import_kolada", shipped=True, verbosity=0)
    municipality = MunicipalityFactory()  # Partille, get-or-create
    method = MethodFactory(
        slug="mentorskap",
        title_sv="Mentorskap för elever i riskzon",
        title_en="Mentoring for students at risk",
        summary_sv="Vuxna mentorer följer eleven genom gymnasiet.",
        summary_en="Adult mentors follow the student through upper secondary school.",
        tags=["mentorskap", "frånvaro"],
    )
    method.municipalities.add(municipality)
    case_study = CaseStudyFactory(municipality=municipality, tags=["mentorskap"])
    method.related_articles.add(case_study)
    # A full reference (links, abstract, study facts), summarised and cited by the method.
    publication = PublicationFactory(
        tags=["frånvaro"],
        container_title="Child Development",
        volume="76",
        pages="949-967",
        doi="10.1111/j.1467-8624.2005.00889.x",
        url="https://example.org/artikel",
        language="en",
        open_access=True,
        abstract_en="Support from teachers moderates the risk of school failure.",
        study_design="kvasiexperimentell",
    )
    summary = ResearchSummaryFactory()
    summary.publications.add(publication)
    method.related_articles.add(publication)
    return Content(
        method=method,
        publication=publication,
        summary=summary,
        case_study=case_study,
        news=ArticleFactory(kind=NEWS),
        page=ArticleFactory(kind=PAGE, slug="om-plug-in"),
        municipality=municipality,
    )


def page_types(content: Content) -> list[tuple[str, str, dict]]:
    """(label, URL name, kwargs) of every page type a visitor can reach without logging in."""
    return [
        ("home", "home", {}),
        ("method list", "methods:list", {}),
        ("method", "methods:detail", {"slug": content.method.slug}),
        ("research list", "research:list", {}),
        ("publication", "research:detail", {"slug": content.publication.slug}),
        ("research summary", "research:detail", {"slug": content.summary.slug}),
        ("case study list", "casestudies:list", {}),
        ("case study", "casestudies:detail", {"slug": content.case_study.slug}),
        ("news list", "news:list", {}),
        ("news", "news:detail", {"slug": content.news.slug}),
        ("about", "pages:about", {}),
        ("contact", "contact", {}),
        ("search", "search:results", {}),
        ("search help", "search:help", {}),
        ("statistics", "stats:overview", {}),
        ("region", "stats:region", {"code": content.municipality.region.code}),
        ("municipality", "stats:municipality", {"code": content.municipality.code}),
        ("compare", "stats:compare", {}),
        ("accessibility statement", "accessibility", {}),
        ("open data", "opendata:index", {}),
        ("login", "account_login", {}),
        ("registration", "account_signup", {}),
        ("password reset", "account_reset_password", {}),
    ]


def url_in(language: str, name: str, kwargs: dict) -> str | None:
    with translation.override(language):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            return None
