"""Publications as CSL-JSON, written by the research library's own code (research.citations),
for one publication and for the filtered list."""

import json

import pytest

from research import citations
from research.models import Publication

pytestmark = pytest.mark.django_db

CSL = "application/vnd.citationstyles.csl+json; charset=utf-8"


def test_a_publication_as_csl_json_is_the_research_library_s_own(client, bank):
    response = client.get("/api/v1/publications/avhopp-rapport/csl-json/")
    assert response.status_code == 200
    assert response["Content-Type"] == CSL
    items = json.loads(response.content)
    assert items == [citations.to_csl(bank.publication)]
    item = items[0]
    assert item["type"] == "report"
    assert item["author"] == [{"family": "Möllås", "given": "Gunilla"}, {"literal": "Skolverket"}]
    assert item["issued"] == {"date-parts": [[2009]]}
    assert item["DOI"] == "10.1234/avhopp.2009"
    # Byte for byte the library's export of the stored row (PostgreSQL's jsonb keeps an
    # author's keys in an order of its own).
    stored = Publication.objects.get(pk=bank.publication.pk)
    assert response.content.decode() == citations.export([stored], "json")
    assert "ETag" in response and response["Access-Control-Allow-Origin"] == "*"


def test_a_draft_or_another_type_has_no_csl_json(client, bank):
    assert client.get("/api/v1/publications/granskas/csl-json/").status_code == 404
    assert client.get("/api/v1/publications/mentorskap/csl-json/").status_code == 404


def test_references_are_the_publication_list_as_csl_json_a_page_at_a_time(client, bank, settings):
    response = client.get("/api/v1/references/?page_size=1")
    assert response.status_code == 200
    assert [item["id"] for item in json.loads(response.content)] == ["avhopp-rapport"]
    assert response["X-Total-Count"] == "1"
    assert "Link" not in response
    filtered = client.get("/api/v1/references/?publication_type=bok")
    assert json.loads(filtered.content) == []
    assert client.get("/api/v1/references/?x=1").status_code == 400


def test_references_link_to_their_next_page(client, bank):
    from tests.factories import PublicationFactory

    PublicationFactory(slug="andra")
    response = client.get("/api/v1/references/?page_size=1")
    assert response["X-Total-Count"] == "2"
    assert (
        response["Link"] == '<http://testserver/api/v1/references/?page_size=1&page=2>; rel="next"'
    )
    second = client.get("/api/v1/references/?page_size=1&page=2")
    assert second["Link"] == '<http://testserver/api/v1/references/?page_size=1&page=1>; rel="prev"'
