import csv
from pathlib import Path

import pytest

from stats.geography import load_areas
from stats.importer import import_files
from stats.indicators import DATA_DIR, load_indicators

# Municipalities the page tests use: Lerum and Partille (Västra Götaland), Upplands Väsby
# (a code with a leading zero), Arjeplog (suppressed figures) and Ale.
SAMPLE_CODES = {"1441", "1402", "0114", "2506", "1440"}
SHIPPED_MUNICIPAL_FILES = [
    "kolada_gymnasium_completion_by_municipality.csv",
    "kolada_related_indicators_by_municipality.csv",
]


def source_rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def source_value(kpi: str, code: str, year: int, gender: str) -> dict[str, str]:
    for name in SHIPPED_MUNICIPAL_FILES:
        for row in source_rows(name):
            if (row["kpi"], row["municipality_code"], row["year"], row["gender"]) == (
                kpi,
                code,
                str(year),
                gender,
            ):
                return row
    raise LookupError((kpi, code, year, gender))


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    """Every request reaches the view: the anonymous page cache would hide changes between tests."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def areas(db):
    """All 21 regions and 290 municipalities, and the shipped indicators (no figures)."""
    load_areas()
    load_indicators()


@pytest.fixture
def write_file(tmp_path):
    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def sample_data(areas, tmp_path):
    """The shipped figures of SAMPLE_CODES (every KPI, year and gender) and the national series."""
    paths = []
    for name in SHIPPED_MUNICIPAL_FILES:
        rows = [row for row in source_rows(name) if row["municipality_code"] in SAMPLE_CODES]
        path = tmp_path / name
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        paths.append(path)
    paths.append(DATA_DIR / "national_riket_N17464.csv")
    return import_files(paths)
