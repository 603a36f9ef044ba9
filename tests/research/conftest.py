from pathlib import Path

import pytest

from research.names import organisation, person
from tests.factories import PublicationFactory

FILES = Path(__file__).resolve().parent / "files"


@pytest.fixture
def files() -> Path:
    return FILES


@pytest.fixture
def abrami(db):
    """The Canadian review as the seeds give it: six authors, 2008."""
    return PublicationFactory(
        slug="dropout-prevention",
        title_sv="Dropout prevention. Systematic Review: Reviewing the Evidence of Canadian Research",
        title_en="Dropout prevention. Systematic Review: Reviewing the Evidence of Canadian Research",
        authors=[
            person("Abrami", "P.C."),
            person("Bernard", "R."),
            person("Schmid", "R.M."),
            person("Janosz", "M."),
            person("Wade", "A."),
            person("Gerard", "C."),
        ],
        year=2008,
        publication_type="systematisk-oversikt",
    )


@pytest.fixture
def hamre(db):
    """A journal article with every field a reference manager fills in."""
    return PublicationFactory(
        slug="hamre-pianta-2005",
        title_sv="Can instructional and emotional support in the first-grade classroom make a difference for children at risk of school failure?",
        title_en="Can instructional and emotional support in the first-grade classroom make a difference for children at risk of school failure?",
        authors=[person("Hamre", "B.K."), person("Pianta", "R.C.")],
        year=2005,
        date=None,
        publication_type="tidskriftsartikel",
        container_title="Child Development",
        volume="76",
        issue="5",
        pages="949-967",
        doi="10.1111/j.1467-8624.2005.00889.x",
        issn="0009-3920",
        url="https://srcd.onlinelibrary.wiley.com/doi/10.1111/j.1467-8624.2005.00889.x",
        pdf_url="https://example.org/hamre-pianta-2005.pdf",
        language="en",
        open_access=False,
        abstract_en="This study examined ways in which children's risk of school failure may be moderated by support from teachers.",
        study_design="kvasiexperimentell",
        context_sv="USA",
        context_en="The United States",
    )


@pytest.fixture
def mollas(db):
    """A Swedish thesis: å, ä and ö in its author, title, publisher and place."""
    return PublicationFactory(
        slug="detta-ideliga-motande",
        title_sv="Detta ideliga mötande",
        title_en="Detta ideliga mötande",
        subtitle="En studie av hur kommunikation och samspel konstituerar gymnasieelevers skolpraktik",
        authors=[person("Möllås", "Gunilla")],
        year=2009,
        publication_type="avhandling",
        publisher="Högskolan för lärande och kommunikation",
        place="Jönköping",
        isbn="978-91-628-7840-5",
        language="sv",
        abstract_sv="Avhandlingen handlar om hur elever och lärare möts i gymnasieskolans vardag.",
    )


@pytest.fixture
def finland(db):
    return PublicationFactory(
        slug="grunderna",
        title_sv="Grunderna för gymnasiets läroplan 2003",
        title_en="Grunderna för gymnasiets läroplan 2003",
        authors=[organisation("Utbildningsstyrelsen i Finland")],
        year=2003,
        publication_type="litteratur",
    )
