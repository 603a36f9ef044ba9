"""What the case studies add to a municipality's and a region's statistics page: the case
studies about it (stats/extensions.py; the statistics know no case study)."""

from django.utils.translation import gettext_lazy as _

from stats.extensions import AreaSection
from stats.models import Municipality, Region

from .models import CaseStudy


def case_studies_about(area, page: dict) -> dict | None:
    case_studies = (
        CaseStudy.objects.published()
        .select_related("municipality")
        .order_by("municipality__name", "title_sv", "pk")
    )
    if isinstance(area, Municipality):
        case_studies = case_studies.filter(municipality=area)
    elif isinstance(area, Region):
        case_studies = case_studies.filter(municipality__region=area)
    else:
        return None
    return {
        "anchor": "case-studies",
        "heading": _("Case studies"),
        "area": area,
        "in_region": isinstance(area, Region),
        "case_studies": list(case_studies),
    }


CASE_STUDIES = AreaSection("casestudies/includes/area_case_studies.html", case_studies_about, 110)
