import json
import random

import pytest
from django.core.management import CommandError, call_command
from django.db import IntegrityError, transaction

from infra.cache import content_version
from stats.importer import ImportFailed, import_files
from stats.indicators import SHIPPED_FILES
from stats.models import AreaType, Indicator, Municipality, Observation, ValueStatus

from .conftest import SHIPPED_MUNICIPAL_FILES, source_rows

HEADER = "kpi,municipality_code,municipality_name,county_code,year,gender,value,status\n"
GOOD = "N17461,1441,Lerum,14,2022,T,78.135593,\nN17461,1441,Lerum,14,2022,K,81.118881,\n"


def errors_of(paths) -> list[str]:
    with pytest.raises(ImportFailed) as failure:
        import_files(paths)
    return failure.value.report.errors


@pytest.mark.django_db
def test_shipped_data_imports_every_row_and_matches_the_source_files():
    call_command("import_kolada", "--shipped", verbosity=0)

    rows = [row for name in SHIPPED_MUNICIPAL_FILES for row in source_rows(name)]
    assert Observation.objects.for_municipalities().count() == len(rows)
    assert Observation.objects.national().count() == 18
    # The example of kolada_api_format.md: Lerum, N17461, 2022.
    lerum = Observation.objects.get(
        indicator__kpi="N17461", municipality__code="1441", year=2022, gender="T"
    )
    assert lerum.value == 78.135593
    # A sample of rows, each checked against its source file.
    for row in random.Random(7).sample(rows, 40):
        stored = Observation.objects.get(
            indicator__kpi=row["kpi"],
            municipality__code=row["municipality_code"],
            year=int(row["year"]),
            gender=row["gender"],
        )
        if row["status"] == "Privacy":
            assert stored.value is None and stored.status == ValueStatus.SUPPRESSED
        else:
            assert stored.value == float(row["value"])
    riket = Observation.objects.national().get(indicator__kpi="N17464", year=2015, gender="T")
    assert riket.value == 69.294998


@pytest.mark.django_db
def test_suppressed_values_are_stored_as_suppressed_never_as_zero():
    call_command("import_kolada", "--shipped", verbosity=0)
    suppressed = Observation.objects.filter(status=ValueStatus.SUPPRESSED)
    privacy_rows = sum(
        1
        for name in SHIPPED_MUNICIPAL_FILES
        for row in source_rows(name)
        if row["status"] == "Privacy"
    )
    assert suppressed.count() == privacy_rows == 142
    assert not suppressed.filter(value__isnull=False).exists()
    arjeplog = Observation.objects.get(
        indicator__kpi="N17461", municipality__code="2506", year=2017, gender="K"
    )
    assert arjeplog.value is None and arjeplog.is_suppressed


@pytest.mark.django_db
def test_importing_the_same_files_twice_changes_nothing(areas, write_file):
    path = write_file("lerum.csv", HEADER + GOOD)
    first = import_files([path])
    indicator = Indicator.objects.get(kpi="N17461")
    stamp = indicator.data_updated_at
    rows_before = list(Observation.objects.values_list("pk", "value", "status"))

    second = import_files([path])

    assert (first.created, second.created, second.updated, second.unchanged) == (2, 0, 0, 2)
    assert second.indicators_updated == []
    assert list(Observation.objects.values_list("pk", "value", "status")) == rows_before
    indicator.refresh_from_db()
    assert indicator.data_updated_at == stamp is not None


@pytest.mark.django_db
def test_a_changed_figure_is_updated_and_its_indicator_marked_updated(areas, write_file):
    import_files([write_file("a.csv", HEADER + GOOD)])
    before = Indicator.objects.get(kpi="N17461").data_updated_at

    report = import_files([write_file("b.csv", HEADER + "N17461,1441,Lerum,14,2022,T,79.5,\n")])

    assert (report.created, report.updated, report.indicators_updated) == (0, 1, ["N17461"])
    assert Observation.objects.get(municipality__code="1441", gender="T").value == 79.5
    assert Indicator.objects.get(kpi="N17461").data_updated_at > before


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("N17461,9999,Nowhere,99,2022,T,50.0,", "unknown municipality or region '9999'"),
        ("N99999,1441,Lerum,14,2022,T,50.0,", "unknown KPI 'N99999'"),
        ("N17461,1441,Lerum,14,2022,F,50.0,", "bad gender 'F'"),
        ("N17461,1441,Lerum,14,2022,M,fifty,", "value 'fifty' is not a number"),
        ("N17461,1441,Lerum,14,2022,M,nan,", "is not a finite number"),
        ("N17461,1441,Lerum,14,20x2,M,50.0,", "bad year '20x2'"),
        ("N17461,1441,Lerum,14,2022,M,150.0,", "outside 0–100"),
        ("N17461,1441,Lerum,14,2022,M,50.0,Privacy", "must be empty"),
        ("N17461,1441,Lerum,14,2022,M,50.0,Secret", "unknown status 'Secret'"),
        ("N17461,1441,Lerum,14,2022,T,78.1,", "duplicate of bad.csv:2"),
        # A row cut short would otherwise erase the figure it names.
        ("N17461,1441,Lerum,14,2022,T", "6 fields where the header has 8"),
        ("N17461,1441,Lerum,14,2022,T,78.1,,extra", "9 fields where the header has 8"),
    ],
)
@pytest.mark.django_db
def test_each_bad_row_is_reported_with_file_and_line(areas, write_file, bad_row, message):
    path = write_file("bad.csv", HEADER + GOOD + bad_row + "\n")

    errors = errors_of([path])

    assert len(errors) == 1
    assert errors[0].startswith("bad.csv:4: ")
    assert message in errors[0]


@pytest.mark.django_db
def test_an_import_makes_every_cached_page_stale(
    areas, write_file, django_capture_on_commit_callbacks
):
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        import_files([write_file("a.csv", HEADER + GOOD)])
    assert content_version() > before


@pytest.mark.django_db
def test_a_short_row_leaves_the_stored_figure_alone(areas, write_file):
    import_files([write_file("a.csv", HEADER + GOOD)])
    errors_of([write_file("short.csv", HEADER + "N17461,1441,Lerum,14,2022,T\n")])
    assert Observation.objects.get(municipality__code="1441", gender="T").value == 78.135593


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "latin1.csv",
            (HEADER + "N17461,1441,Lerum,14,2022,T,78.1,Malmö\n").encode("latin-1"),
            "latin1.csv: not UTF-8 text",
        ),
        ("utf16.csv", (HEADER + GOOD).encode("utf-16"), "utf16.csv: not UTF-8 text"),
        (
            "latin1.json",
            '{"values": [], "x": "Malmö"}'.encode("latin-1"),
            "latin1.json: not UTF-8 text",
        ),
        (
            "deep.json",
            ('{"values": ' + "[" * 100_000 + "]" * 100_000 + "}").encode(),
            "deep.json: not a Kolada response: nested too deeply",
        ),
    ],
)
@pytest.mark.django_db
def test_a_file_that_cannot_be_read_is_reported_not_crashed_on(
    areas, tmp_path, name, content, message
):
    path = tmp_path / name
    path.write_bytes(content)
    (error,) = errors_of([path])
    assert error.startswith(message)
    assert not Observation.objects.exists()


@pytest.mark.django_db
def test_a_duplicate_across_two_files_is_reported(areas, write_file):
    first = write_file("one.csv", HEADER + GOOD)
    second = write_file("two.csv", HEADER + "N17461,1441,Lerum,14,2022,K,80.0,\n")
    assert errors_of([first, second]) == [
        "two.csv:2: duplicate of one.csv:3 (N17461, 1441, 2022, K)"
    ]


@pytest.mark.django_db
def test_a_file_without_the_needed_columns_is_rejected(areas, write_file):
    path = write_file("columns.csv", "kpi,kommun,year\nN17461,1441,2022\n")
    (error,) = errors_of([path])
    assert error.startswith("columns.csv:1: missing column(s)")
    assert "gender" in error and "value" in error


@pytest.mark.django_db
def test_one_bad_row_means_nothing_is_written(areas, write_file):
    import_files([write_file("old.csv", HEADER + "N17461,1402,Partille,14,2022,T,70.0,\n")])
    good = write_file("good.csv", HEADER + GOOD + "N17461,1402,Partille,14,2022,T,71.0,\n")
    bad = write_file("bad.csv", HEADER + "N17461,1441,Lerum,14,2023,X,1.0,\n")

    errors_of([good, bad])

    assert list(Observation.objects.values_list("municipality__code", "value")) == [("1402", 70.0)]


@pytest.mark.django_db
def test_the_command_prints_every_error_and_imports_nothing(areas, write_file, capsys):
    path = write_file(
        "two-errors.csv",
        HEADER + GOOD + "N17461,0002,X,00,2022,T,1,\nN17461,1441,Lerum,14,2022,Q,1,\n",
    )
    with pytest.raises(CommandError, match="2 error"):
        call_command("import_kolada", str(path))
    err = capsys.readouterr().err
    assert "two-errors.csv:4: unknown municipality or region '0002'" in err
    assert "two-errors.csv:5: bad gender 'Q'" in err
    assert not Observation.objects.exists()


@pytest.mark.django_db
def test_the_command_shows_progress_and_a_summary(areas, write_file):
    from io import StringIO

    out = StringIO()
    call_command("import_kolada", str(write_file("lerum.csv", HEADER + GOOD)), stdout=out)
    assert "lerum.csv: read 2 rows" in out.getvalue()
    assert "2 created, 0 updated, 0 unchanged" in out.getvalue()


@pytest.mark.django_db
def test_the_command_needs_files_or_shipped():
    with pytest.raises(CommandError, match="--shipped"):
        call_command("import_kolada")


def _v2_page(entries, **links) -> str:
    return json.dumps({"count": len(entries), "values": entries, **links}, indent=2)


LERUM_V2 = {
    "kpi": "N17461",
    "municipality": "1441",
    "period": 2022,
    "values": [
        {"count": 1, "gender": "K", "status": "", "value": 81.118881},
        {"count": 1, "gender": "M", "status": "", "value": 75.328947},
        {"count": 1, "gender": "T", "status": "", "value": 78.135593},
    ],
}


@pytest.mark.django_db
def test_a_kolada_v2_response_is_imported(areas, write_file):
    report = import_files([write_file("v2.json", _v2_page([LERUM_V2]))])
    assert report.created == 3
    assert Observation.objects.get(gender="M").value == 75.328947


@pytest.mark.django_db
def test_kolada_v3_pages_linked_by_next_url_are_imported_together(areas, write_file):
    page1 = write_file(
        "page1.json",
        _v2_page([LERUM_V2], next_url="https://api.kolada.se/v3/data?kpi=N17461&page=2"),
    )
    page2 = write_file(
        "page2.json",
        _v2_page(
            [
                {
                    "kpi": "N17461",
                    "municipality": "2506",
                    "period": "2017",  # v3 may send the period as a string
                    "values": [
                        {"gender": "K", "status": "Privacy", "value": None, "count": 1},
                        {"gender": "T", "status": "", "value": 70.5, "isdeleted": False},
                        {"gender": "M", "status": "", "value": 66.0, "isdeleted": True},
                    ],
                },
                {
                    "kpi": "N17464",
                    "municipality": "0000",
                    "period": 2020,
                    "values": [{"gender": "T", "status": "", "value": 71.3}],
                },
            ],
            previous_url="https://api.kolada.se/v3/data?kpi=N17461&page=1",
        ),
    )

    report = import_files([page1, page2])

    assert (report.created, report.skipped_deleted) == (6, 1)
    assert report.warnings == [
        "page1.json: links to a next page; give every page's file to import it all"
    ]
    suppressed = Observation.objects.get(municipality__code="2506", gender="K")
    assert suppressed.value is None and suppressed.is_suppressed
    assert Observation.objects.get(area_type=AreaType.NATION).value == 71.3
    assert import_files([page1, page2]).unchanged == 6


@pytest.mark.django_db
def test_a_json_error_names_the_line_of_its_entry(areas, write_file):
    bad = dict(LERUM_V2, municipality="9999")
    text = _v2_page([LERUM_V2, bad])
    lines = text.splitlines()
    line = lines.index("    {", 1 + lines.index("    {")) + 1  # where the second entry starts
    errors = errors_of([write_file("paged.json", text)])
    assert len(errors) == 3  # one per value of the bad entry
    assert errors[0].startswith(f"paged.json:{line} (values[0]): unknown municipality")


@pytest.mark.django_db
def test_broken_json_and_school_unit_data_are_reported(areas, write_file):
    broken = write_file("broken.json", '{"values": [\n{"kpi": }\n]}')
    units = write_file(
        "ou.json", _v2_page([{"kpi": "N17461", "ou": "V15E1", "period": 2022, "values": []}])
    )
    errors = errors_of([broken, units])
    assert errors[0].startswith("broken.json:2: not valid JSON")
    assert errors[1].endswith("school-unit (ou) data is not imported")


@pytest.mark.django_db
def test_a_region_figure_is_stored_for_the_region(areas, write_file):
    import_files([write_file("region.csv", HEADER + "N17461,0014,VGR,14,2022,T,75.0,\n")])
    stored = Observation.objects.get()
    assert (stored.area_type, stored.region.code, stored.municipality) == ("region", "14", None)


@pytest.mark.django_db
def test_the_database_refuses_a_figure_without_value_or_reason(areas):
    indicator = Indicator.objects.get(kpi="N17461")
    lerum = Municipality.objects.get(code="1441")
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(
            indicator=indicator,
            area_type=AreaType.MUNICIPALITY,
            municipality=lerum,
            year=2022,
            gender="T",
            value=None,
            status="",
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(
            indicator=indicator,
            area_type=AreaType.NATION,
            municipality=lerum,
            year=2022,
            gender="T",
            value=1.0,
        )
    Observation.objects.create(
        indicator=indicator, area_type=AreaType.NATION, year=2022, gender="T", value=1.0
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        Observation.objects.create(
            indicator=indicator, area_type=AreaType.NATION, year=2022, gender="T", value=2.0
        )


def test_the_shipped_files_are_inside_the_project():
    for path in SHIPPED_FILES:
        assert path.is_file()
        assert "shared" not in path.parts
