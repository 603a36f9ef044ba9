"""What the knowledge bank adds to a municipality's statistics page: the methods and case
studies from there, and methods of the kind that addresses its weakest indicator."""

from django.db.models import Q

from casestudies.models import CaseStudy
from content.models import Article
from methods.models import Method
from stats.extensions import AreaSection
from stats.indicators import SUGGESTED_INTERVENTIONS
from stats.models import Municipality


def statistics_to_action(area, page: dict) -> dict | None:
    if not isinstance(area, Municipality):
        return None
    weakest = page.get("weakest")
    suggested = []
    if weakest is not None:
        suggested = list(
            Method.objects.published()
            .filter(intervention_type__in=SUGGESTED_INTERVENTIONS[weakest.indicator.kpi])
            .newest_first()[:5]
        )
    concerning = list(
        Article.objects.published()
        .of_kind(Method.KIND, CaseStudy.KIND)
        .filter(
            Q(municipalities=area)
            | Q(regions=area.region_id)
            | Q(pk__in=CaseStudy.objects.filter(municipality__region=area.region_id).values("pk"))
        )
        .distinct()
        .newest_first()[:10]
    )
    return {"suggested_methods": suggested, "concerning": concerning}


STATISTICS_TO_ACTION = AreaSection("pluginnovation/statistics_to_action.html", statistics_to_action)
