"""Regions, municipalities, indicators and observations in the API (observations in the shape
of Kolada's own API)."""

import pytest

from .conftest import fetch

pytestmark = pytest.mark.django_db


def test_regions_are_listed_by_code_with_their_kolada_id(client, bank):
    _r, answer = fetch(client, "/api/v1/regions/")
    assert [(item["code"], item["kolada_id"]) for item in answer["results"]] == [
        ("07", "0007"),
        ("14", "0014"),
    ]
    assert answer["results"][1]["url"] == "http://testserver/statistik/region/14/"


def test_a_region_lists_its_municipalities_and_published_case_studies(client, bank):
    _r, region = fetch(client, "/api/v1/regions/14/?lang=en")
    assert [item["code"] for item in region["municipalities"]] == ["1441", "1402"]
    assert [item["slug"] for item in region["case_studies"]] == ["plug-in-lerum"]
    assert region["url"] == "http://testserver/en/statistics/region/14/"
    assert region["observations_api_url"] == "http://testserver/api/v1/observations/?region=14"


def test_municipalities_are_found_by_kommunkod_and_filtered_by_region(client, bank):
    _r, answer = fetch(client, "/api/v1/municipalities/")
    assert [item["code"] for item in answer["results"]] == ["0764", "1441", "1402"]
    _r, west = fetch(client, "/api/v1/municipalities/?region=14")
    assert [item["name"] for item in west["results"]] == ["Lerum", "Partille"]
    _r, lerum = fetch(client, "/api/v1/municipalities/1441/")
    assert lerum["name"] == "Lerum"
    assert lerum["region"]["code"] == "14"
    assert [item["slug"] for item in lerum["case_studies"]] == ["plug-in-lerum"]
    # Lerum says it uses a method that is a draft: not shown.
    assert lerum["methods_in_use"] == []
    _r, partille = fetch(client, "/api/v1/municipalities/1402/")
    assert [(use["method"]["slug"], use["since"]) for use in partille["methods_in_use"]] == [
        ("mentorskap", 2019)
    ]


@pytest.mark.parametrize(
    "url", ["/api/v1/municipalities/9999/", "/api/v1/regions/99/", "/api/v1/indicators/N99999/"]
)
def test_an_area_or_indicator_that_does_not_exist_is_not_found(client, bank, url):
    response, problem = fetch(client, url)
    assert response.status_code == 404
    assert problem["status"] == 404


def test_indicators_give_their_definitions_source_years_and_licence(client, bank):
    _r, answer = fetch(client, "/api/v1/indicators/?lang=en")
    assert [item["kpi"] for item in answer["results"]] == ["N17461", "N17464"]
    diploma = answer["results"][0]
    assert diploma["definition"] == {
        "value": "The share of students with a diploma within 4 years.",
        "lang": "en",
    }
    assert diploma["source"] == "SCB"
    assert diploma["attribution"] == "Källa: Kolada"
    assert diploma["licence"]["name"] == "CC BY 4.0"
    assert (diploma["first_year"], diploma["last_year"]) == (2022, 2023)
    assert diploma["national_reference"] == "N17464"
    assert diploma["url"] == "http://testserver/en/statistics/?indicator=N17461"
    national = fetch(client, "/api/v1/indicators/N17464/")[1]
    assert national["reference_only"] is True
    assert national["url"] is None


def test_observations_come_in_kolada_s_shape_with_a_value_per_gender(client, bank):
    response, answer = fetch(
        client, "/api/v1/observations/?indicator=N17461&municipality=1441&year=2022"
    )
    assert response.status_code == 200
    assert answer["count"] == 1
    assert answer["next_page"] is None
    assert answer["attribution"] == "Källa: Kolada"
    assert answer["values"] == [
        {
            "kpi": "N17461",
            "municipality": "1441",
            "area_type": "municipality",
            "area_name": "Lerum",
            "period": 2022,
            "values": [
                {"gender": "T", "status": "", "value": 78.0},
                {"gender": "K", "status": "", "value": 78.1},
                {"gender": "M", "status": "", "value": 78.2},
            ],
        }
    ]


def test_a_suppressed_figure_is_null_with_its_status_never_zero(client, bank):
    _r, answer = fetch(
        client, "/api/v1/observations/?municipality=1402&year=2023&gender=M&indicator=N17461"
    )
    assert answer["values"][0]["values"] == [{"gender": "M", "status": "Privacy", "value": None}]


def test_observations_filter_by_region_year_range_and_gender(client, bank):
    _r, west = fetch(client, "/api/v1/observations/?region=14&from_year=2023&gender=T")
    assert [(v["municipality"], v["period"]) for v in west["values"]] == [
        ("1402", 2023),
        ("1441", 2023),
    ]
    assert all(len(entry["values"]) == 1 for entry in west["values"])
    _r, until = fetch(client, "/api/v1/observations/?municipality=1441&to_year=2022")
    assert [v["period"] for v in until["values"]] == [2022]
    _r, south = fetch(client, "/api/v1/observations/?region=07")
    assert south["count"] == 0


def test_the_nation_is_area_0000_as_in_kolada(client, bank):
    _r, answer = fetch(client, "/api/v1/observations/?municipality=0000")
    assert answer["values"] == [
        {
            "kpi": "N17464",
            "municipality": "0000",
            "area_type": "nation",
            "area_name": "Riket",
            "period": 2022,
            "values": [{"gender": "T", "status": "", "value": 71.3}],
        }
    ]


def test_observations_are_paged_by_entry_in_a_stable_order(client, bank):
    _r, first = fetch(client, "/api/v1/observations/?page_size=3")
    assert first["count"] == 5  # 2 municipalities × 2 years, and the nation's year
    keys = [(v["kpi"], v["municipality"], v["period"]) for v in first["values"]]
    assert keys == [("N17461", "1402", 2022), ("N17461", "1402", 2023), ("N17461", "1441", 2022)]
    _r, second = fetch(client, first["next_page"])
    assert [(v["kpi"], v["municipality"], v["period"]) for v in second["values"]] == [
        ("N17461", "1441", 2023),
        ("N17464", "0000", 2022),
    ]
    assert second["previous_page"].endswith("page=1")


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/observations/?indicator=N99999", "indicator"),
        ("/api/v1/observations/?indicator=17461", "indicator"),
        ("/api/v1/observations/?municipality=9999", "municipality"),
        ("/api/v1/observations/?municipality=0099", "municipality"),
        ("/api/v1/observations/?region=99", "region"),
        ("/api/v1/observations/?gender=X", "gender"),
        ("/api/v1/observations/?year=1800", "year"),
        ("/api/v1/observations/?from_year=2023&to_year=2022", "to_year"),
        ("/api/v1/observations/?year=2022&from_year=2020", "year"),
        ("/api/v1/municipalities/?region=99", "region"),
    ],
)
def test_an_unknown_statistics_value_is_a_400_naming_the_parameter(client, bank, url, parameter):
    response, problem = fetch(client, url)
    assert response.status_code == 400
    assert parameter in [error["parameter"] for error in problem["errors"]]
