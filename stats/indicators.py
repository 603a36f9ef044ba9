"""The Kolada indicators the site ships, and loading their definitions.

Swedish titles and definitions are Kolada's own, read from the shipped catalogue
(data/kolada_kpi_metadata_gymnasium.csv); the English ones are our faithful translations.
"""

import csv
from datetime import date
from pathlib import Path

from django.db import transaction

from .models import Indicator

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE = DATA_DIR / "kolada_kpi_metadata_gymnasium.csv"

# The shipped figure files, in the order `import_kolada --shipped` reads them.
SHIPPED_FILES = [
    DATA_DIR / "kolada_gymnasium_completion_by_municipality.csv",
    DATA_DIR / "kolada_related_indicators_by_municipality.csv",
    DATA_DIR / "national_riket_N17464.csv",
]

_NO_PERSONAL_NUMBER = (
    "Students who had no Swedish personal identity number when they started (for example newly "
    "arrived students not yet registered as residents) are not included."
)

SHIPPED_INDICATORS: dict[str, dict] = {
    "N17461": {
        "short_title_sv": "Examen inom 4 år",
        "short_title_en": "Diploma within 4 years",
        "title_en": "Upper secondary students with a diploma within 4 years, home municipality, "
        "share (%)",
        "definition_en": (
            "The number of students registered as residents in the municipality who started upper "
            "secondary school four years earlier and obtained a diploma within four years, "
            "including introduction programmes (IM), divided by the number of students registered "
            "as residents in the municipality who started upper secondary school four years "
            f"earlier, including IM. {_NO_PERSONAL_NUMBER} From 2021, IB students are excluded. "
            "Source: SCB."
        ),
        "source": "SCB",
        "higher_is_better": True,
        "sort_order": 1,
        "national_reference": "N17464",
    },
    "N17538": {
        "short_title_sv": "Högskolebehörighet inom 4 år",
        "short_title_en": "Eligible for higher education within 4 years",
        "title_en": "Upper secondary students who achieved basic eligibility for university and "
        "higher education within 4 years, home municipality, share (%)",
        "definition_en": (
            "The number of students registered as residents in the municipality who started upper "
            "secondary school four years earlier and achieved eligibility for university or higher "
            "education within four years, including IM, divided by the number of students "
            "registered as residents in the municipality who started upper secondary school four "
            "years earlier, including IM. From 2016, students who graduated from Swedish schools "
            "abroad are not included. From 2021, IB students are excluded. Source: SCB."
        ),
        "source": "SCB",
        "higher_is_better": True,
        "sort_order": 2,
    },
    "N17625": {
        "short_title_sv": "Indraget studiestöd pga. frånvaro",
        "short_title_en": "Study grant withdrawn for absence",
        "title_en": "Upper secondary students whose study grant was withdrawn because of "
        "unexcused absence, home municipality, share (%)",
        "definition_en": (
            "The share of people registered as residents in the municipality whose study grant was "
            "withdrawn because of unexcused absence from upper secondary school. Unexcused absence "
            "means repeated absence without a valid reason, reported by the school to CSN, which "
            "then withdrew the study grant. Measured per school year. Source: CSN"
        ),
        "source": "CSN",
        "higher_is_better": False,
        "sort_order": 3,
    },
    "N15428": {
        "short_title_sv": "Behöriga till yrkesprogram i åk 9",
        "short_title_en": "Year 9 students eligible for a vocational programme",
        "title_en": "Year 9 students eligible for a vocational programme, home municipality, "
        "share (%)",
        "definition_en": (
            "The number of year 9 students eligible for a vocational programme divided by the "
            "number of students who received, or should have received, grades in at least one "
            "subject under the goal- and knowledge-related grading system in year 9. Eligibility "
            "for a vocational programme requires pass grades in Swedish or Swedish as a second "
            "language, English and mathematics, and in at least five other subjects from "
            "compulsory school. Up to and including 2011, pass grades in Swedish or Swedish as a "
            "second language, English and mathematics were required for the lowest eligibility "
            "for upper secondary school. The figure refers to students registered as residents in "
            "the municipality. Students with an unknown background are not included. The figure "
            "refers to the school year. Source: SCB and Skolverket."
        ),
        "source": "SCB, Skolverket",  # no Swedish "och": it is shown on English pages too
        "higher_is_better": True,
        "sort_order": 4,
    },
    "N17464": {
        "short_title_sv": "Examen inom 4 år, Riket",
        "short_title_en": "Diploma within 4 years, Sweden",
        "title_en": "Upper secondary students with a diploma within 4 years, municipality of the "
        "school, share (%)",
        "definition_en": (
            "The number of students who started upper secondary school in the municipality four "
            "years earlier and obtained a diploma within four years, including IM, divided by the "
            "number of students who started upper secondary school in the municipality four years "
            f"earlier, including IM. {_NO_PERSONAL_NUMBER} From 2021, IB students are excluded. "
            "Source: SCB. For Sweden as a whole, this measure and the home-municipality measure "
            "coincide."
        ),
        "source": "SCB",
        "higher_is_better": True,
        "sort_order": 9,
        "reference_only": True,
    },
}


def _catalogue() -> dict[str, dict[str, str]]:
    with open(CATALOGUE, encoding="utf-8", newline="") as handle:
        return {row["kpi"]: row for row in csv.DictReader(handle)}


@transaction.atomic
def load_indicators() -> int:
    """Create the shipped indicators or bring them up to date; writes nothing when unchanged."""
    catalogue = _catalogue()
    existing = {indicator.kpi: indicator for indicator in Indicator.objects.all()}
    changed = 0
    for kpi, spec in SHIPPED_INDICATORS.items():
        entry = catalogue[kpi]
        fields = {
            "title_sv": entry["title"],
            "definition_sv": " ".join(entry["description"].split()),
            "kolada_publication_date": date.fromisoformat(entry["publication_date"])
            if entry["publication_date"]
            else None,
            "reference_only": spec.get("reference_only", False),
            **{key: value for key, value in spec.items() if key not in {"national_reference"}},
        }
        indicator = existing.get(kpi) or Indicator(kpi=kpi)
        if indicator.pk is None or any(getattr(indicator, k) != v for k, v in fields.items()):
            for key, value in fields.items():
                setattr(indicator, key, value)
            indicator.save()
            changed += 1
        existing[kpi] = indicator
    for kpi, spec in SHIPPED_INDICATORS.items():
        reference = existing.get(spec.get("national_reference", ""))
        indicator = existing[kpi]
        if indicator.national_reference_id != (reference.pk if reference else None):
            indicator.national_reference = reference
            indicator.save(update_fields=["national_reference"])
            changed += 1
    return changed
