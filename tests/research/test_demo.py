"""The five publications of the original home page carry what the seeds state, and nothing more:
what the seeds do not give stays empty and the pages say it is not stated."""

import pytest

from demo.loader import load_demo
from research.models import Publication

pytestmark = pytest.mark.django_db

# From the seed (000-004): "Exempel på litteratur", each with its authors, year and tags.
STATED = {
    "detta-ideliga-motande": {
        "authors": [{"family": "Möllås", "given": "G."}],
        "year": 2009,
        "publication_type": "forskning",
    },
    "visible-learning": {
        "authors": [{"family": "Hattie", "given": "John"}],
        "year": 2009,
        "publication_type": "kunskapsoversikt",
        "study_design": "systematisk-oversikt",  # "A synthesis of over 800 meta-analyses"
    },
    "instructional-and-emotional-support-in-the-first-grade-classroom": {
        "authors": [{"family": "Hamre", "given": "B.K."}, {"family": "Pianta", "given": "R.C."}],
        "year": 2005,
    },
    "grunderna-for-gymnasiets-laroplan-2003": {
        "authors": [{"literal": "Utbildningsstyrelsen i Finland"}],
        "year": 2003,
        "publication_type": "litteratur",
    },
    "dropout-prevention-systematic-review": {
        "authors": [
            {"family": "Abrami", "given": "P.C."},
            {"family": "Bernard", "given": "R."},
            {"family": "Schmid", "given": "R.M."},
            {"family": "Janosz", "given": "M."},
            {"family": "Wade", "given": "A."},
            {"family": "Gerard", "given": "C."},
        ],
        "year": 2008,
        "publication_type": "systematisk-oversikt",  # "Systematic Review" in its title
        "study_design": "systematisk-oversikt",
        "context_sv": "Kanadensisk forskning",  # "Reviewing the Evidence of Canadian Research"
        "context_en": "Canadian research",
    },
}
# Facts the seeds give for none of them.
NOT_STATED = {
    "date": None,
    "subtitle": "",
    "container_title": "",
    "publisher": "",
    "place": "",
    "volume": "",
    "issue": "",
    "pages": "",
    "edition": "",
    "doi": "",
    "isbn": "",
    "issn": "",
    "url": "",
    "pdf_url": "",
    "language": "",
    "open_access": None,
    "abstract_sv": "",
    "abstract_en": "",
}
DEFAULTS = {"publication_type": "", "study_design": "", "context_sv": "", "context_en": ""}


def test_each_seed_publication_has_the_facts_the_seeds_state_and_no_others(db):
    load_demo()
    publications = {p.slug: p for p in Publication.objects.all()}
    assert set(publications) == set(STATED)
    for slug, stated in STATED.items():
        expected = {**NOT_STATED, **DEFAULTS, **stated}
        actual = {name: getattr(publications[slug], name) for name in expected}
        assert actual == expected, slug
        publications[slug].full_clean()  # valid as editors' input would have to be


def test_a_seed_publications_page_says_what_is_not_stated(client, db):
    load_demo()
    html = client.get("/forskning/visible-learning/").content.decode()
    assert html.count("Uppgift saknas") >= 4  # publisher, language, open access, abstract
    assert "Hattie, John" in html and "2009" in html
