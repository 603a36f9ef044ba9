"""Read Kolada figures (API JSON v2/v3 pages, the long CSV, the flat rKolada CSV) into Observations.

Every row of every file is validated first; errors are collected with their file and line and
nothing is written unless all rows are good. Writing happens in one transaction with bulk
operations, and only what differs from the database is written, so a second run changes nothing.
"""

import csv
import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from infra.cache import bump_content_version

from .models import (
    NATION_CODE,
    AreaType,
    Gender,
    Indicator,
    Municipality,
    Observation,
    Region,
    ValueStatus,
)

MISSING_MARKERS = {"", "NA", "NaN", "null", "None"}
KNOWN_STATUSES = {"": "", "Privacy": ValueStatus.SUPPRESSED, "Missing": ValueStatus.MISSING}
BATCH_SIZE = 2000


@dataclass(frozen=True)
class RawRow:
    """One figure as read from a file, before validation; `where` is "file:line"."""

    where: str
    kpi: object
    area: object
    year: object
    gender: object
    value: object
    status: object


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_deleted: int = 0
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    indicators_updated: list[str] = field(default_factory=list)


class ImportFailed(Exception):
    def __init__(self, report: ImportReport):
        super().__init__(f"{len(report.errors)} error(s); nothing was imported")
        self.report = report


# --- Reading -------------------------------------------------------------------------------


def _csv_rows(path: Path, report: ImportReport) -> Iterator[RawRow]:
    try:
        yield from _csv_rows_of(path, report)
    except UnicodeDecodeError:
        report.errors.append(f"{path.name}: not UTF-8 text (save the file as UTF-8 and try again)")


def _csv_rows_of(path: Path, report: ImportReport) -> Iterator[RawRow]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        columns = set(reader.fieldnames or [])
        area_column = next(
            (c for c in ("municipality_code", "municipality_id", "municipality") if c in columns),
            None,
        )
        year_column = next((c for c in ("year", "period") if c in columns), None)
        missing = [
            name
            for name, present in (
                ("kpi", "kpi" in columns),
                ("municipality_code|municipality_id", area_column),
                ("year|period", year_column),
                ("gender", "gender" in columns),
                ("value", "value" in columns),
            )
            if not present
        ]
        if missing:
            report.errors.append(f"{path.name}:1: missing column(s): {', '.join(missing)}")
            return
        width = len(reader.fieldnames)
        for row in reader:
            # DictReader fills a short row with None and keeps the rest of a long one under None.
            if None in row or None in row.values():
                fields = width + len(row.get(None, [])) - list(row.values()).count(None)
                report.errors.append(
                    f"{path.name}:{reader.line_num}: {fields} fields where the header has {width}"
                )
                continue
            yield RawRow(
                where=f"{path.name}:{reader.line_num}",
                kpi=row["kpi"],
                area=row[area_column],
                year=row[year_column],
                gender=row["gender"],
                value=row["value"],
                status=row.get("status") or "",
            )


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _top_level_with_lines(text: str) -> tuple[dict, list[tuple[int, object]]]:
    """Parse a Kolada page, also giving the line on which each entry of `values` starts.

    The json module keeps no positions, so the top-level object is walked with raw_decode.
    """
    decoder = json.JSONDecoder()
    document = json.loads(text)  # raises JSONDecodeError with a line number on bad input
    if not isinstance(document, dict) or not isinstance(document.get("values"), list):
        raise ValueError("expected an object with a list under 'values'")
    pos = _skip_space(text, 0) + 1  # past "{"
    while True:
        pos = _skip_space(text, pos)
        key, pos = decoder.raw_decode(text, pos)
        pos = _skip_space(text, pos) + 1  # past ":"
        pos = _skip_space(text, pos)
        if key != "values" or text[pos] != "[":
            _, pos = decoder.raw_decode(text, pos)
            pos = _skip_space(text, pos) + 1  # past "," or "}"
            continue
        entries = []
        pos += 1
        while True:
            pos = _skip_space(text, pos)
            if text[pos] == "]":
                return document, entries
            line = _line_at(text, pos)
            entry, pos = decoder.raw_decode(text, pos)
            entries.append((line, entry))
            pos = _skip_space(text, pos)
            if text[pos] == ",":
                pos += 1


def _json_rows(path: Path, report: ImportReport) -> Iterator[RawRow]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append(f"{path.name}: not UTF-8 text (JSON is always UTF-8)")
        return
    try:
        document, entries = _top_level_with_lines(text)
    except json.JSONDecodeError as error:
        report.errors.append(f"{path.name}:{error.lineno}: not valid JSON ({error.msg})")
        return
    except RecursionError:
        report.errors.append(f"{path.name}: not a Kolada response: nested too deeply")
        return
    except ValueError as error:
        report.errors.append(f"{path.name}:1: not a Kolada response: {error}")
        return
    if document.get("next_page") or document.get("next_url"):
        report.warnings.append(
            f"{path.name}: links to a next page; give every page's file to import it all"
        )
    for line, entry in entries:
        where = f"{path.name}:{line}"
        if not isinstance(entry, dict) or not isinstance(entry.get("values"), list):
            report.errors.append(f"{where}: an entry needs kpi, municipality, period and values")
            continue
        if "ou" in entry and "municipality" not in entry:
            report.errors.append(f"{where}: school-unit (ou) data is not imported")
            continue
        for index, item in enumerate(entry["values"]):
            if not isinstance(item, dict):
                report.errors.append(f"{where}: values[{index}] is not an object")
                continue
            if item.get("isdeleted") is True:
                report.skipped_deleted += 1
                continue
            yield RawRow(
                where=f"{where} (values[{index}])",
                kpi=entry.get("kpi"),
                area=entry.get("municipality"),
                year=entry.get("period"),
                gender=item.get("gender"),
                value=item.get("value"),
                status=item.get("status") or "",
            )


READERS: dict[str, Callable[[Path, ImportReport], Iterator[RawRow]]] = {
    ".csv": _csv_rows,
    ".json": _json_rows,
}


# --- Validating ----------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanRow:
    kpi: str
    area_type: str
    area_id: int | None
    year: int
    gender: str
    value: float | None
    status: str

    @property
    def key(self) -> tuple:
        return (self.kpi, self.area_type, self.area_id, self.year, self.gender)


class Validator:
    """Checks raw rows against the indicators and areas in the database."""

    def __init__(self):
        self.indicators = {i.kpi: i for i in Indicator.objects.all()}
        self.municipalities = dict(Municipality.objects.values_list("code", "pk"))
        self.regions = {f"00{code}": pk for code, pk in Region.objects.values_list("code", "pk")}
        self.seen: dict[tuple, str] = {}

    def _area(self, raw: object) -> tuple[str, int | None] | None:
        code = str(raw).strip() if raw is not None else ""
        if code.isdigit() and len(code) < 4:
            code = code.zfill(4)  # a spreadsheet may have eaten the leading zero
        if code == NATION_CODE:
            return AreaType.NATION, None
        if code in self.regions:
            return AreaType.REGION, self.regions[code]
        if code in self.municipalities:
            return AreaType.MUNICIPALITY, self.municipalities[code]
        return None

    def clean(self, raw: RawRow) -> tuple[CleanRow | None, list[str]]:
        errors = []
        kpi = str(raw.kpi or "").strip()
        indicator = self.indicators.get(kpi)
        if indicator is None:
            errors.append(f"unknown KPI {kpi!r}")
        area = self._area(raw.area)
        if area is None:
            errors.append(f"unknown municipality or region {raw.area!r}")
        try:
            year = int(str(raw.year).strip())
            if not 1990 <= year <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            errors.append(f"bad year {raw.year!r}")
            year = 0
        gender = str(raw.gender or "").strip()
        if gender not in Gender.values:
            errors.append(f"bad gender {raw.gender!r} (expected T, K or M)")
        status_text = str(raw.status).strip()
        if status_text not in KNOWN_STATUSES:
            errors.append(f"unknown status {raw.status!r}")
        status = KNOWN_STATUSES.get(status_text, "")
        value = self._value(raw.value, errors)
        if value is None and not errors:
            # No figure: keep the reason; a gap with no reason given is "missing".
            status = status or ValueStatus.MISSING
        elif value is not None and status:
            errors.append(f"a value ({raw.value!r}) with status {status_text!r} must be empty")
        elif (
            value is not None
            and indicator is not None
            and indicator.unit == "percent"
            and not 0 <= value <= 100
        ):
            errors.append(f"percentage {raw.value!r} is outside 0–100")
        if errors:
            return None, errors
        row = CleanRow(kpi, area[0], area[1], year, gender, value, status)
        first = self.seen.get(row.key)
        if first is not None:
            return None, [f"duplicate of {first} ({kpi}, {raw.area}, {year}, {gender})"]
        self.seen[row.key] = raw.where
        return row, []

    @staticmethod
    def _value(raw: object, errors: list[str]) -> float | None:
        if raw is None or (isinstance(raw, str) and raw.strip() in MISSING_MARKERS):
            return None
        if isinstance(raw, bool):
            errors.append(f"value {raw!r} is not a number")
            return None
        try:
            value = float(raw.strip().replace(",", ".") if isinstance(raw, str) else raw)
        except (TypeError, ValueError):
            errors.append(f"value {raw!r} is not a number")
            return None
        if not math.isfinite(value):
            errors.append(f"value {raw!r} is not a finite number")
            return None
        return value


# --- Writing -------------------------------------------------------------------------------


def _existing(kpis: set[str]) -> dict[tuple, tuple[int, float | None, str]]:
    rows = Observation.objects.filter(indicator__kpi__in=kpis).values_list(
        "pk",
        "indicator__kpi",
        "area_type",
        "municipality_id",
        "region_id",
        "year",
        "gender",
        "value",
        "status",
    )
    found = {}
    for pk, kpi, area_type, municipality_id, region_id, year, gender, value, status in rows:
        area_id = municipality_id if area_type == AreaType.MUNICIPALITY else region_id
        found[(kpi, area_type, area_id, year, gender)] = (pk, value, status)
    return found


def _observation(row: CleanRow, indicator_ids: dict[str, int], pk: int | None = None):
    return Observation(
        pk=pk,
        indicator_id=indicator_ids[row.kpi],
        area_type=row.area_type,
        municipality_id=row.area_id if row.area_type == AreaType.MUNICIPALITY else None,
        region_id=row.area_id if row.area_type == AreaType.REGION else None,
        year=row.year,
        gender=row.gender,
        value=row.value,
        status=row.status,
    )


def import_files(paths: list[Path], progress: Callable[[str], None] = lambda message: None):
    """Validate every row of `paths`, then write all of them or nothing. Returns an ImportReport."""
    report = ImportReport()
    validator = Validator()
    clean_rows: list[CleanRow] = []
    for path in paths:
        reader = READERS.get(path.suffix.lower())
        if reader is None:
            report.errors.append(f"{path.name}: unknown file type (expected .csv or .json)")
            continue
        if not path.is_file():
            report.errors.append(f"{path}: no such file")
            continue
        before = len(clean_rows)
        for raw in reader(path, report):
            report.rows += 1
            row, errors = validator.clean(raw)
            if row is not None:
                clean_rows.append(row)
            report.errors.extend(f"{raw.where}: {error}" for error in errors)
        progress(f"{path.name}: read {len(clean_rows) - before} rows")
    if report.errors:
        raise ImportFailed(report)

    indicator_ids = {kpi: indicator.pk for kpi, indicator in validator.indicators.items()}
    with transaction.atomic():
        existing = _existing({row.kpi for row in clean_rows})
        to_create, to_update, touched = [], [], set()
        for row in clean_rows:
            found = existing.get(row.key)
            if found is None:
                to_create.append(_observation(row, indicator_ids))
            elif (found[1], found[2]) != (row.value, row.status):
                to_update.append(_observation(row, indicator_ids, pk=found[0]))
            else:
                report.unchanged += 1
                continue
            touched.add(row.kpi)
        for start in range(0, len(to_create), BATCH_SIZE):
            Observation.objects.bulk_create(to_create[start : start + BATCH_SIZE])
            progress(f"created {min(start + BATCH_SIZE, len(to_create))} of {len(to_create)}")
        if to_update:
            Observation.objects.bulk_update(to_update, ["value", "status"], batch_size=BATCH_SIZE)
            progress(f"updated {len(to_update)}")
        if touched:
            Indicator.objects.filter(kpi__in=touched).update(data_updated_at=timezone.now())
        if to_create or to_update:
            # bulk writes send no signals: tell the page cache the figures changed.
            transaction.on_commit(bump_content_version)
        if (to_create or to_update) and connection.vendor == "postgresql":
            # A bulk load leaves the planner without statistics (DESIGN.md §4).
            with connection.cursor() as cursor:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(Observation._meta.db_table)}")
    report.created, report.updated = len(to_create), len(to_update)
    report.indicators_updated = sorted(touched)
    return report
