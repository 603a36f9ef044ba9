"""Whatever arrives in /sok/'s GET parameters, the answer is a page (200) or a clear 400, never 500."""

from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import MethodFactory, MunicipalityFactory

PARAMETERS = ["q", "typ", "tag", "region", "kommun", "year", "sort", "page"]

# Any character a URL can carry (no lone surrogates: they cannot be sent), weighted towards
# the ones that mean something to a query parser or to SQL.
nasty = st.sampled_from(list("\"'-*:^(){}[]\\%_;\x00 ORANDNOTNEAR") + ["OR", "AND", "NOT", "NEAR"])
text = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.lists(nasty, max_size=20).map(" ".join),
    st.lists(nasty, max_size=30).map("".join),
    st.sampled_from(
        ["metoder", "forskning", "datum", "relevans", "14", "1402", "2026", "1", "x" * 3000]
    ),
)
query_strings = st.lists(st.tuples(st.sampled_from(PARAMETERS), text), max_size=10)


@pytest.fixture
def content(db):
    municipality = MunicipalityFactory()
    method = MethodFactory(title_sv="Mentorskap och coachning", tags=["gymnasiet", "närvaro"])
    method.regions.add(municipality.region)
    method.municipalities.add(municipality)


@pytest.mark.django_db
@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=query_strings, english=st.booleans())
def test_no_get_parameters_make_search_fail(client, content, pairs, english):
    url = ("/en/search/" if english else "/sok/") + "?" + urlencode(pairs)
    response = client.get(url)
    assert response.status_code in (200, 400), url
