"""Sweden's 21 counties and 290 municipalities, loaded from the shipped SCB lists."""

import csv
from pathlib import Path

from django.db import transaction

from .models import Municipality, Region

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_areas() -> tuple[int, int]:
    """Create or update every county and municipality; safe to run again. Returns the counts."""
    regions = {}
    for row in _rows("counties.csv"):
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"]}
        )
    for row in _rows("municipalities.csv"):
        Municipality.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "region": regions[row["county_code"]]}
        )
    return Region.objects.count(), Municipality.objects.count()
