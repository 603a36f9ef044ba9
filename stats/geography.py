"""Sweden's 21 counties and 290 municipalities, loaded from the shipped SCB lists."""

import csv
from pathlib import Path

from django.db import transaction

from infra.cache import bump_content_version

from .models import Municipality, Region

DATA_DIR = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_areas() -> tuple[int, int]:
    """Create or update every county and municipality; safe to run again (writes only changes).

    Returns the counts.
    """
    regions = {region.code: region for region in Region.objects.all()}
    for row in _rows("counties.csv"):
        region = regions.get(row["code"])
        if region is None:
            regions[row["code"]] = Region.objects.create(code=row["code"], name=row["name"])
        elif region.name != row["name"]:
            region.name = row["name"]
            region.save(update_fields=["name"])
    existing = {m.code: m for m in Municipality.objects.all()}
    missing = []
    for row in _rows("municipalities.csv"):
        region = regions[row["county_code"]]
        municipality = existing.get(row["code"])
        if municipality is None:
            missing.append(Municipality(code=row["code"], name=row["name"], region=region))
        elif (municipality.name, municipality.region_id) != (row["name"], region.pk):
            municipality.name, municipality.region = row["name"], region
            municipality.save(update_fields=["name", "region"])
    if missing:
        Municipality.objects.bulk_create(missing)
        # bulk_create sends no signals: tell the page cache the areas changed.
        transaction.on_commit(bump_content_version)
    return len(regions), Municipality.objects.count()
