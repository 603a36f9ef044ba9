import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from stats.importer import import_files
from stats.models import Observation
from tests.site.html import page

from .conftest import source_value


def url(name: str, language: str = "sv", **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_the_addresses_are_translated():
    assert url("stats:overview") == "/statistik/"
    assert url("stats:overview", "en") == "/en/statistics/"
    assert url("stats:region", code="14") == "/statistik/region/14/"
    assert url("stats:municipality", code="1441") == "/statistik/kommun/1441/"
    assert url("stats:municipality", "en", code="1441") == "/en/statistics/municipality/1441/"
    assert url("stats:compare") == "/statistik/jamfor/"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("stats:overview", {}),
        ("stats:region", {"code": "14"}),
        ("stats:municipality", {"code": "1441"}),
    ],
)
def test_statistics_pages_answer_in_both_languages(client, sample_data, language, name, kwargs):
    response = client.get(url(name, language, **kwargs))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert 'class="breadcrumbs' in html
    assert "Kolada" in html
    assert 'style="' not in html  # the CSP refuses inline styles


@pytest.mark.django_db
def test_municipality_page_uses_swedish_notation_on_swedish_pages(client, sample_data):
    expected = float(source_value("N17461", "1441", 2022, "T")["value"])  # 78.135593
    sv = client.get(url("stats:municipality", code="1441")).content.decode()
    en = client.get(url("stats:municipality", "en", code="1441")).content.decode()
    assert f"{expected:.1f}".replace(".", ",") + "\u00a0%" in sv
    assert f"{expected:.1f}%" in en
    assert f"{expected:.1f}".replace(".", ",") not in en


@pytest.mark.django_db
def test_municipality_charts_are_accessible_images_with_a_table_of_the_same_figures(
    client, sample_data
):
    html = client.get(url("stats:municipality", "en", code="1441")).content.decode()
    # Each chart is drawn twice, wide and compact (for phones); the stylesheet shows one.
    charts = re.findall(
        r'<svg class="chart chart-(wide|compact)"[^>]*role="img"[^>]*>\s*<title id="[^"]+">([^<]+)</title><desc',
        html,
    )
    assert [layout for layout, _title in charts].count("wide") == 4
    assert [layout for layout, _title in charts].count("compact") == 4
    assert ("wide", "Diploma within 4 years, Lerum") in charts
    assert ("compact", "Diploma within 4 years, Lerum") in charts
    assert html.count("<table") == 4
    assert '<th scope="col" class="num">Girls</th>' in html
    assert '<th scope="col" class="num">Boys</th>' in html


@pytest.mark.django_db
def test_the_national_figure_is_shown_only_where_kolada_has_it(client, sample_data):
    html = client.get(url("stats:municipality", code="1441")).content.decode()
    section = html.split('id="N17461"')[1].split("</section>")[0]
    assert "Riket (N17464)" in section
    assert "69,3\u00a0%" in section  # Riket 2015 (N17464)
    assert "71,3\u00a0%" in section  # Riket 2020
    # No national column for indicators without a national series: nothing is averaged.
    other = html.split('id="N17538"')[1].split("</section>")[0]
    assert "Riket" not in other


@pytest.mark.django_db
def test_suppressed_figures_are_shown_as_suppressed_never_as_zero(client, sample_data):
    assert source_value("N17461", "2506", 2017, "K")["status"] == "Privacy"
    html = client.get(url("stats:municipality", "en", code="2506")).content.decode()
    row = re.search(r"<th scope=\"row\">2017</th>(.*?)</tr>", html.split('id="N17461"')[1]).group(1)
    assert '<span class="figure-suppressed">suppressed</span>' in row
    assert "0.0%" not in row
    assert "Suppressed (too few students) in" in html


@pytest.mark.django_db
def test_region_page_ranks_its_municipalities_best_first(client, sample_data):
    response = client.get(url("stats:region", "en", code="14") + "?indicator=N17461&year=2022")
    rows = response.context["rows"]
    ranked = [row for row in rows if row["rank"]]
    assert [row["municipality"].code for row in ranked] == sorted(
        ["1441", "1402", "1440"],
        key=lambda code: -float(source_value("N17461", code, 2022, "T")["value"]),
    )
    assert [row["rank"] for row in ranked] == [1, 2, 3]
    # Municipalities of the county without figures in the sample are listed last, unranked.
    assert all(row["figure"] is None for row in rows[3:])
    assert 'class="sparkline"' in response.content.decode()


@pytest.mark.django_db
def test_region_page_ranks_lower_is_better_indicators_ascending(client, sample_data):
    response = client.get(url("stats:region", code="14") + "?indicator=N17625&year=2020")
    values = [row["figure"].value for row in response.context["rows"] if row["rank"]]
    assert values == sorted(values)


@pytest.mark.django_db
def test_overview_map_links_every_municipality_with_its_name_and_figure(client, sample_data):
    html = client.get(url("stats:overview") + "?indicator=N17461&year=2022").content.decode()
    links = re.findall(
        r'<a href="(/statistik/kommun/\d{4}/)" aria-label="([^"]+)"(?: tabindex="-1")?>', html
    )
    assert len(links) == 290
    value = float(source_value("N17461", "1441", 2022, "T")["value"])
    assert ("/statistik/kommun/1441/", f"Lerum: {value:.1f}\u00a0%".replace(".", ",")) in links
    assert ("/statistik/kommun/0180/", "Stockholm: ingen siffra") in links
    assert html.count('<li><a href="/statistik/region/') == 21


@pytest.mark.django_db
def test_the_map_marks_suppressed_municipalities(client, sample_data):
    html = client.get(
        url("stats:overview", "en") + "?indicator=N17461&year=2017&gender=K"
    ).content.decode()
    assert re.search(
        r'aria-label="Arjeplog: suppressed"( tabindex="-1")?><path class="map-area map-suppressed"',
        html,
    )


@pytest.mark.django_db
def test_compare_offers_a_list_per_municipality_with_the_chosen_ones_selected(client, areas):
    response = client.get(url("stats:compare") + "?m=1441&m=1402")
    parsed = page(response)
    lists = parsed.find_all("select", name="m")
    assert len(lists) == 5
    assert [parsed.find("label", **{"for": s.get("id")}).text for s in lists] == [
        f"Kommun {n}" for n in range(1, 6)
    ]
    html = response.content.decode()
    assert html.count(" selected>") == 2
    assert '<option value="1402" selected>Partille</option>' in html
    assert "Ctrl" not in html
    assert "multiple" not in "".join(str(s.attrs) for s in lists)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?indicator=N00000", "There is no indicator with that id."),
        ("?indicator=N17625&year=2010", "has figures for 2016–2023 only"),
        ("?year=abc", "There are no figures for that year."),
        ("?gender=X", "Select a valid choice"),
        ("?format=xml", "Choose the format csv or json."),
    ],
)
def test_bad_choices_on_the_overview_give_a_clear_message(client, sample_data, query, message):
    response = client.get(url("stats:overview", "en") + query)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_an_unknown_year_on_a_region_page_gives_a_clear_message(client, sample_data):
    response = client.get(url("stats:region", code="14") + "?indicator=N17461&year=1999")
    assert response.status_code == 400
    assert "Det finns inga siffror för det året." in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/statistik/kommun/9999/", "/statistik/region/99/", "/en/statistics/municipality/abc/"]
)
def test_unknown_codes_answer_404_in_the_sites_look(client, areas, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'class="site-header"' in response.content.decode()


@pytest.mark.django_db
def test_compare_shows_up_to_five_municipalities_side_by_side(client, sample_data):
    response = client.get(url("stats:compare", "en") + "?m=1441&m=1402&m=0114")
    assert response.status_code == 200
    html = response.content.decode()
    assert [m.code for m in response.context["chosen"]] == ["1441", "1402", "0114"]
    assert len(response.context["comparisons"]) == 4
    # Four charts, each drawn wide and compact (the stylesheet shows one of the two).
    assert html.count('<svg class="chart chart-wide"') == 4
    assert html.count('<svg class="chart chart-compact"') == 4
    assert html.count('role="img"') == 8


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            "?m=0114&m=1402&m=1440&m=1441&m=2506&m=0180",
            "Choose at most 5 municipalities (you chose 6).",
        ),
        ("?m=9999", "9999 is not a municipality code."),
    ],
)
def test_a_bad_comparison_list_gives_a_clear_message(client, sample_data, query, message):
    response = client.get(url("stats:compare", "en") + query)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.django_db
def test_similar_municipalities_are_listed_with_how_they_were_found(client, sample_data):
    response = client.get(url("stats:municipality", "en", code="1441"))
    similar = response.context["similar"]
    assert 1 <= len(similar) <= 5
    assert all(m.code != "1441" for m in similar)
    assert "z-scores" in response.content.decode()


def _municipality_queries(client, code: str) -> int:
    cache.clear()  # the cold path: nothing cached from an earlier request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url("stats:municipality", code=code)).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_municipality_page_query_count_does_not_grow_with_years_or_indicators(
    client, areas, write_file, django_assert_max_num_queries
):
    header = "kpi,municipality_code,municipality_name,county_code,year,gender,value,status\n"
    # Few: one indicator, one year, two municipalities (so that "similar" and a suggestion exist).
    few_rows = "N17461,1441,Lerum,14,2022,T,78.1,\nN17461,1402,Partille,14,2022,T,70.1,\n"
    import_files([write_file("few.csv", header + few_rows)])
    few = _municipality_queries(client, "1441")

    rows = [
        f"{kpi},{code},x,14,{year},{gender},{50 + year % 7},\n"
        for kpi in ("N17461", "N17538", "N17625", "N15428")
        for code in ("1441", "1402", "1440")
        for year in range(2010, 2024)
        for gender in "TKM"
    ]
    Observation.objects.all().delete()
    import_files([write_file("many.csv", header + "".join(rows))])
    many = _municipality_queries(client, "1441")

    assert few == many
    with django_assert_max_num_queries(12):
        client.get(url("stats:municipality", code="1441"))


@pytest.mark.django_db
def test_an_empty_comparison_choice_is_no_choice_not_an_error(client, areas):
    response = client.get(url("stats:compare", "en") + "?m=")
    assert response.status_code == 200
    assert "Choose between one and five municipalities" in response.content.decode()


def test_stats_models_import_no_content_app():
    import ast
    from pathlib import Path

    import stats.models

    tree = ast.parse(Path(stats.models.__file__).read_text(encoding="utf-8"))
    imported = {
        node.module.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }
    assert not imported & {"methods", "research", "casestudies", "accounts"}
    assert "content.models" not in {
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
    }


@pytest.mark.django_db
def test_the_language_switcher_keeps_you_on_the_same_municipality(client, sample_data):
    html = client.get(url("stats:municipality", code="1441")).content.decode()
    assert 'href="/en/statistics/municipality/1441/" hreflang="en"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/statistik/", "/en/statistics/", "/statistik/region/14/"])
def test_statistics_pages_without_imported_figures_show_an_empty_state(client, path):
    from stats.geography import load_areas
    from stats.models import Indicator

    load_areas()
    Indicator.objects.all().delete()
    response = client.get(path)
    assert response.status_code == 200
    assert b'class="empty"' in response.content


@pytest.mark.django_db
def test_a_municipality_page_without_imported_figures_still_answers(client):
    from stats.geography import load_areas
    from stats.models import Indicator

    load_areas()
    Indicator.objects.all().delete()
    assert client.get("/statistik/kommun/1402/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_map_is_one_tab_stop_with_a_skip_link_to_the_table(client, sample_data, language):
    html = client.get(url("stats:overview", language) + "?indicator=N17461").content.decode()
    links = re.findall(r'<a href="[^"]+/\d{4}/" aria-label="[^"]+"( tabindex="-1")?>', html)
    assert len(links) == 290
    assert links.count("") == 1  # one municipality in the tab order; static/js/map.js moves it
    parsed = page(client.get(url("stats:overview", language) + "?indicator=N17461"))
    skip = parsed.find("p", **{"class": "map-skip"}).children[0]
    target = parsed.by_id(skip.get("href").removeprefix("#"))
    assert target.tag == "summary"  # of the table of all municipalities, right after the map
    assert (
        html.index('class="map-skip"')
        < html.index('<svg class="map"')
        < html.index(f'id="{target.get("id")}"')
    )
    assert '<script src="/static/js/map.js" defer></script>' in html
