import csv
import io
import json

import pytest
from django.urls import reverse
from django.utils import translation

from stats.exports import neutralise
from stats.models import Municipality

from .conftest import source_value


def url(name: str, language: str = "sv", query: str = "", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None) + query


def parse_csv(response, delimiter: str) -> list[dict[str, str]]:
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # UTF-8 byte-order mark for Excel
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter))


@pytest.mark.django_db
def test_csv_parses_in_a_swedish_setting_semicolons_and_decimal_comma(client, sample_data):
    response = client.get(url("stats:municipality", code="1441", query="?format=csv"))

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = parse_csv(response, ";")
    row = next(
        r
        for r in rows
        if (r["KPI"], r["År"], r["Kön"], r["Områdeskod"]) == ("N17461", "2022", "T", "1441")
    )
    source = source_value("N17461", "1441", 2022, "T")["value"]  # unrounded, "78.135593"
    assert row["Värde (%)"] == source.replace(".", ",")
    assert float(row["Värde (%)"].replace(",", ".")) == float(source)
    assert row["Källa"] == "Källa: Kolada"
    assert row["Område"] == "Lerum"
    # The national series is there too, under Riket's code.
    assert any(r["Områdeskod"] == "0000" and r["KPI"] == "N17464" for r in rows)


@pytest.mark.django_db
def test_csv_keeps_codes_as_text_with_their_leading_zero(client, sample_data):
    rows = parse_csv(client.get(url("stats:municipality", code="0114", query="?format=csv")), ";")
    assert {r["Områdeskod"] for r in rows} >= {"0114", "0000"}


@pytest.mark.django_db
def test_csv_on_english_pages_uses_commas_and_decimal_points(client, sample_data):
    rows = parse_csv(
        client.get(url("stats:municipality", "en", code="1441", query="?format=csv")), ","
    )
    row = next(r for r in rows if (r["KPI"], r["Year"], r["Gender"]) == ("N17461", "2022", "T"))
    assert row["Value (%)"] == source_value("N17461", "1441", 2022, "T")["value"]


@pytest.mark.django_db
def test_csv_shows_a_suppressed_figure_as_empty_with_its_status(client, sample_data):
    rows = parse_csv(client.get(url("stats:municipality", code="2506", query="?format=csv")), ";")
    row = next(r for r in rows if (r["KPI"], r["År"], r["Kön"]) == ("N17461", "2017", "K"))
    assert (row["Värde (%)"], row["Status"]) == ("", "Privacy")


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Lerum", "Lerum"),
        ("0114", "0114"),
    ],
)
def test_cells_that_could_start_a_formula_are_neutralised(text, safe):
    assert neutralise(text) == safe


@pytest.mark.django_db
def test_a_formula_in_a_name_is_neutralised_in_the_export(client, sample_data):
    Municipality.objects.filter(code="1441").update(name="=cmd|' /C calc'!A0")
    rows = parse_csv(client.get(url("stats:region", code="14", query="?format=csv")), ";")
    names = {r["Område"] for r in rows}
    assert "'=cmd|' /C calc'!A0" in names
    assert not any(name.startswith("=") for name in names)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "kwargs", "query"),
    [
        ("stats:overview", {}, "?indicator=N17461&year=2022&format=json"),
        ("stats:region", {"code": "14"}, "?format=json"),
        ("stats:municipality", {"code": "1441"}, "?format=json"),
        ("stats:compare", {}, "?m=1441&m=1402&format=json"),
    ],
)
def test_json_export_carries_source_definition_and_licence(
    client, sample_data, name, kwargs, query
):
    response = client.get(url(name, query=query, **kwargs))
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["source"] == "Källa: Kolada"
    assert data["licence"] == "CC BY 4.0"
    indicator = next(i for i in data["indicators"] if i["kpi"] == "N17461")
    assert indicator["definition"]["sv"].startswith("Antal folkbokförda elever")
    assert indicator["definition"]["en"]
    assert data["observations"]


@pytest.mark.django_db
def test_json_figures_are_unrounded_and_suppressed_ones_null(client, sample_data):
    data = json.loads(
        client.get(url("stats:municipality", code="2506", query="?format=json")).content
    )
    by_key = {
        (o["kpi"], o["year"], o["gender"]): o
        for o in data["observations"]
        if o["area_code"] == "2506"
    }
    assert by_key[("N17461", 2017, "K")] | {} == {
        "kpi": "N17461",
        "area_code": "2506",
        "area_name": "Arjeplog",
        "area_type": "municipality",
        "year": 2017,
        "gender": "K",
        "value": None,
        "status": "Privacy",
    }
    source = source_value("N17461", "2506", 2022, "T")["value"]
    assert by_key[("N17461", 2022, "T")]["value"] == float(source)


@pytest.mark.django_db
def test_every_statistics_page_links_its_exports(client, sample_data):
    for address in (
        url("stats:overview"),
        url("stats:region", code="14"),
        url("stats:municipality", code="1441"),
        url("stats:compare", query="?m=1441"),
    ):
        html = client.get(address).content.decode()
        assert "format=csv" in html and "format=json" in html, address
