"""Mina sidor: the literature among a user's saved articles, downloaded as references."""

import json

import bibtexparser
import pytest
import rispy

from content.models import Status
from research.names import person
from tests.factories import MethodFactory, PublicationFactory

from .factories import SavedArticleFactory
from .helpers import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved(member, other_member):
    mollas = PublicationFactory(title_sv="Detta ideliga mötande", authors=[person("Möllås", "G.")])
    hattie = PublicationFactory(title_sv="Visible learning", authors=[person("Hattie", "John")])
    SavedArticleFactory(user=member, article=mollas)
    SavedArticleFactory(user=member, article=MethodFactory())  # not literature
    SavedArticleFactory(user=member, article=hattie)
    SavedArticleFactory(user=other_member, article=PublicationFactory(title_sv="Någon annans"))
    return mollas, hattie


@pytest.mark.parametrize("language", ["sv", "en"])
def test_my_pages_offer_the_saved_literature_in_each_format(member_client, saved, language):
    dashboard = member_client.get(url("accounts:dashboard", language)).content.decode()
    for fmt in ("ris", "bib", "json"):
        assert url("accounts:saved_references", language, fmt=fmt) in dashboard


def test_the_saved_literature_downloads_newest_saved_first_and_only_the_users_own(
    member_client, saved
):
    response = member_client.get(url("accounts:saved_references", fmt="json"))
    assert response["Content-Disposition"] == 'attachment; filename="sparade-referenser.json"'
    assert [item["title"] for item in json.loads(response.content)] == [
        "Visible learning",
        "Detta ideliga mötande",
    ]


def test_the_saved_literature_reads_back_in_ris_and_bibtex_with_swedish_letters(
    member_client, saved
):
    ris = member_client.get(url("accounts:saved_references", fmt="ris")).content.decode()
    assert [record["authors"] for record in rispy.loads(ris)] == [["Hattie, John"], ["Möllås, G."]]
    bib = member_client.get(url("accounts:saved_references", fmt="bib")).content.decode()
    assert [entry.key for entry in bibtexparser.parse_string(bib).entries] == [
        "hattie2009",
        "mollas2009",
    ]


def test_a_saved_publication_since_unpublished_is_left_out(member_client, saved):
    mollas, _hattie = saved
    mollas.status = Status.DRAFT
    mollas.save()
    items = json.loads(member_client.get(url("accounts:saved_references", fmt="json")).content)
    assert [item["title"] for item in items] == ["Visible learning"]


def test_without_saved_literature_my_pages_offer_no_download(member_client, member):
    SavedArticleFactory(user=member, article=MethodFactory())
    dashboard = member_client.get(url("accounts:dashboard")).content.decode()
    assert url("accounts:saved_references", fmt="ris") not in dashboard


def test_anonymous_visitors_are_sent_to_log_in(client):
    response = client.get(url("accounts:saved_references", fmt="ris"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login") + "?next=")
