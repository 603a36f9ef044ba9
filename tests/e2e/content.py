"""Content for the browser tests and the front-end checks: one article of every type, so every
page type can be drawn, and the list of page types (anonymous and signed in)."""

from dataclasses import dataclass

from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from accounts.models import MethodUse
from casestudies.models import CaseStudy
from content.models import NEWS, PAGE, Article
from methods.models import EvidenceRating, Method
from methods.views import EVIDENCE_PAGE
from research.models import Publication, ResearchSummary
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    ResearchSummaryFactory,
    UserFactory,
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
        terms={
            "target_group": ["elever-i-riskzon"],
            "intervention_type": ["mentorskap"],
            "phase": ["under-gymnasiet"],
        },
        scientific_basis=EvidenceRating.MODERATE,
    )
    method.municipalities.add(municipality)
    case_study = CaseStudyFactory(
        municipality=municipality, tags=["mentorskap"], first_year=2016, last_year=2018
    )
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
    method.scientific_basis_sources.add(publication)
    # The method in use in Partille, and "Så bedömer vi evidens" as editors write it.
    MethodUse.objects.create(
        user=UserFactory(), method=method, municipality=municipality, start_year=2019
    )
    ArticleFactory(
        kind=PAGE,
        slug=EVIDENCE_PAGE,
        title_sv="Så bedömer vi evidens",
        title_en="How we assess evidence",
        body_sv="## Vetenskaplig grund\n\n- **Hög:** flera studier av god kvalitet.",
        body_en="## Scientific basis\n\n- **High:** several studies of good quality.",
    )
    return Content(
        method=method,
        publication=publication,
        summary=summary,
        case_study=case_study,
        news=ArticleFactory(kind=NEWS),
        page=ArticleFactory(kind=PAGE, slug="om-plug-in"),
        municipality=municipality,
    )


def demo_content() -> Content:
    """The same from the demo content (`load_demo`), for scripts/demo_site.py."""

    def first(model, **kinds):
        return model.objects.published().filter(**kinds).order_by("pk").first()

    case_study = first(CaseStudy)
    return Content(
        method=first(Method),
        publication=first(Publication),
        summary=first(ResearchSummary),
        case_study=case_study,
        news=first(Article, kind=NEWS),
        page=first(Article, kind=PAGE),
        municipality=case_study.municipality,
    )


def demo_visitor(content: Content):
    """A signed-in visitor with something on each of their pages: a municipality, a saved
    article and search, a method their municipality uses."""
    from tests.accounts.factories import (
        MethodUseFactory,
        ProfileFactory,
        SavedArticleFactory,
        SavedSearchFactory,
        VerifiedUserFactory,
    )

    user = VerifiedUserFactory(first_name="Sara", last_name="Lind")
    ProfileFactory(user=user, municipality=content.municipality)
    SavedArticleFactory(user=user, article=content.method)
    SavedSearchFactory(user=user)
    MethodUseFactory(user=user, method=content.method, municipality=content.municipality)
    return user


def page_types(content: Content) -> list[tuple[str, str, dict]]:
    """(label, URL name, kwargs) of every page type a visitor can reach without logging in."""
    return [
        ("home", "home", {}),
        ("method list", "methods:list", {}),
        ("method", "methods:detail", {"slug": content.method.slug}),
        ("how we assess evidence", "methods:evidence", {}),
        ("methods in use", "registry:in_use", {}),
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


def page_states(content: Content) -> list[tuple[str, str, dict, str]]:
    """(label, URL name, kwargs, query) of pages that look different with a query: search
    results with filters, Forskning filtered, a comparison."""
    region = content.municipality.region.code
    return [
        ("search results", "search:results", {}, "?q=mentor&typ=metoder"),
        ("search filtered", "search:results", {}, f"?region={region}"),
        ("search no results", "search:results", {}, "?q=zzzzqqq"),
        ("research filtered", "research:list", {}, "?innehall=litteratur&fran=2000"),
        ("comparison", "stats:compare", {}, f"?m={content.municipality.code}&m=1441&m=0114"),
    ]


def account_page_types(content: Content) -> list[tuple[str, str, dict]]:
    """(label, URL name, kwargs) of the pages only a signed-in visitor sees."""
    return [
        ("my pages", "accounts:dashboard", {}),
        ("settings", "accounts:settings", {}),
        ("delete account", "accounts:delete_account", {}),
        ("save a search", "accounts:saved_search_new", {}),
        ("suggest a method", "accounts:propose_method", {}),
        ("we use the method", "accounts:method_use", {"slug": content.method.slug}),
        ("change password", "account_change_password", {}),
        ("e-mail addresses", "account_email", {}),
    ]


def url_in(language: str, name: str, kwargs: dict) -> str | None:
    with translation.override(language):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            return None
