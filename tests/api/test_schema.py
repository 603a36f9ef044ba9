"""The OpenAPI schema: valid, complete (every endpoint, its errors as problem details, 304 and
the limit's headers), and in both languages."""

import json

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/",
    "/api/v1/methods/",
    "/api/v1/methods/{slug}/",
    "/api/v1/vocabularies/",
    "/api/v1/publications/",
    "/api/v1/publications/{slug}/",
    "/api/v1/publications/{slug}/csl-json/",
    "/api/v1/references/",
    "/api/v1/research-summaries/",
    "/api/v1/research-summaries/{slug}/",
    "/api/v1/case-studies/",
    "/api/v1/case-studies/{slug}/",
    "/api/v1/news/",
    "/api/v1/news/{slug}/",
    "/api/v1/pages/",
    "/api/v1/pages/{slug}/",
    "/api/v1/tags/",
    "/api/v1/tags/{slug}/",
    "/api/v1/regions/",
    "/api/v1/regions/{code}/",
    "/api/v1/municipalities/",
    "/api/v1/municipalities/{code}/",
    "/api/v1/indicators/",
    "/api/v1/indicators/{kpi}/",
    "/api/v1/observations/",
    "/api/v1/search/",
]


@pytest.fixture
def schema(client):
    response = client.get("/api/v1/openapi.json?lang=en")
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_schema_is_valid_openapi(schema):
    assert schema["openapi"].startswith("3.")
    validate(schema)


def test_the_validator_finds_a_broken_schema(schema):
    schema["paths"]["/api/v1/methods/"]["get"]["responses"]["200"].pop("description")
    with pytest.raises(OpenAPIValidationError):
        validate(schema)


def test_every_endpoint_is_in_the_schema_and_read_only(schema):
    assert sorted(schema["paths"]) == sorted(ENDPOINTS)
    assert {method for item in schema["paths"].values() for method in item} == {"get"}


def test_every_error_is_documented_as_problem_details_with_the_limit_headers(schema):
    for path, item in schema["paths"].items():
        responses = item["get"]["responses"]
        assert {"200", "304", "400", "404", "429"} <= set(responses), path
        for status in ("400", "404", "429"):
            assert list(responses[status]["content"]) == ["application/problem+json"], path
        assert responses["429"]["headers"]["Retry-After"]["required"] is True
        assert {"ETag", "Last-Modified", "RateLimit-Remaining"} <= set(responses["200"]["headers"])


def is_list(path: str) -> bool:
    return not path.endswith(("}/", "csl-json/")) and path != "/api/v1/"


def test_every_endpoint_takes_lang_and_lists_take_page_and_page_size(schema):
    for path, item in schema["paths"].items():
        names = {parameter["name"] for parameter in item["get"].get("parameters", [])}
        assert "lang" in names, path
        if is_list(path):
            assert {"page", "page_size"} <= names, path


def test_the_index_names_every_list_of_the_schema_and_each_answers(client, schema):
    index = client.get("/api/v1/").json()
    lists = {f"http://testserver{path}" for path in schema["paths"] if is_list(path)}
    assert set(index["collections"].values()) == lists
    for url in lists:
        assert client.get(url).status_code == 200, url
    for name in ("documentation", "openapi", "downloads"):
        assert client.get(index[name]).status_code == 200, name
    assert index["statistics_attribution"] == "Källa: Kolada"


def test_the_search_takes_artikelsoks_parameters(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/search/"]["get"]["parameters"]}
    assert {"q", "typ", "tag", "region", "kommun", "year", "sort"} <= names


def test_the_schema_s_descriptions_come_in_swedish_too(client, schema):
    swedish = json.loads(client.get("/api/v1/openapi.json?lang=sv").content)
    assert schema["paths"]["/api/v1/methods/"]["get"]["summary"] == "Methods"
    assert swedish["paths"]["/api/v1/methods/"]["get"]["summary"] == "Metoder"
    english_parameter = schema["paths"]["/api/v1/search/"]["get"]["parameters"][0]["description"]
    swedish_parameter = swedish["paths"]["/api/v1/search/"]["get"]["parameters"][0]["description"]
    assert english_parameter != swedish_parameter
    validate(swedish)


def test_the_schema_has_examples_that_the_docs_show(schema):
    observations = schema["paths"]["/api/v1/observations/"]["get"]["parameters"]
    indicator = next(p for p in observations if p["name"] == "indicator")
    assert indicator["examples"]["example1"]["value"] == ["N17461"]


def test_the_csl_json_answers_are_documented_as_csl_json(schema):
    for path in ("/api/v1/references/", "/api/v1/publications/{slug}/csl-json/"):
        content = schema["paths"][path]["get"]["responses"]["200"]["content"]
        assert list(content) == ["application/vnd.citationstyles.csl+json"]
