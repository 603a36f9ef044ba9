"""What the knowledge bank adds to a municipality's statistics page ("Från statistik till
handling"): the methods and case studies from its region, and the methods whose type or
target group works on what its weakest indicator measures, or plainly that the bank has none.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from casestudies.models import CaseStudy
from content.models import Article
from methods.models import Method, Term, Vocabulary
from methods.vocabulary import ADDRESSES
from stats.extensions import AreaSection
from stats.models import Municipality


def _addressing_terms(kpi: str) -> list[Term]:
    """The terms the bank matches to an indicator (those editors have not removed)."""
    wanted = ADDRESSES.get(kpi)
    if wanted is None:
        return []
    matching = Q(pk__in=[])
    for vocabulary, slugs in wanted._asdict().items():
        matching |= Q(vocabulary=vocabulary, slug__in=slugs)
    order = {Vocabulary.INTERVENTION_TYPE: 0, Vocabulary.TARGET_GROUP: 1}
    return sorted(
        Term.objects.filter(matching),
        key=lambda term: (order.get(term.vocabulary, 2), term.position),
    )


def statistics_to_action(area, page: dict) -> dict | None:
    if not isinstance(area, Municipality):
        return None
    weakest = page.get("weakest")
    suggested, terms = [], []
    if weakest is not None:
        kpi = weakest.indicator.kpi
        terms = _addressing_terms(kpi)
        suggested = list(Method.objects.published().addressing(kpi)[:5])
    concerning = list(
        Article.objects.published()
        .of_kind(Method.KIND, CaseStudy.KIND)
        .filter(
            Q(municipalities=area)
            | Q(regions=area.region_id)
            | Q(pk__in=CaseStudy.objects.filter(municipality__region=area.region_id).values("pk"))
        )
        # The case studies about the municipality itself have a section of their own.
        .exclude(pk__in=CaseStudy.objects.filter(municipality=area).values("pk"))
        .distinct()
        .newest_first()[:10]
    )
    return {
        "anchor": "action",
        "heading": _("From statistics to action"),
        "suggested_methods": suggested,
        "addressing_terms": terms,
        "concerning": concerning,
    }


STATISTICS_TO_ACTION = AreaSection(
    "pluginnovation/statistics_to_action.html", statistics_to_action, position=200
)
