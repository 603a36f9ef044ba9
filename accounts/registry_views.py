"""/metoder/anvands/: which methods are used where, by method and by region, on the map."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _

from infra.breadcrumbs import HOME_CRUMB
from infra.cache import remember
from stats import charts
from stats.models import Municipality

from .registry import MethodInUse, by_region
from .registry import methods_in_use as read_methods_in_use

TITLE = gettext_lazy("Where the methods are used")


def _map(in_use: list[MethodInUse]) -> str:
    """Sweden with the municipalities that use a method marked, each a link to its statistics."""
    counts: dict[str, int] = {}
    for entry in in_use:
        for place in entry.places:
            counts[place.municipality.code] = counts.get(place.municipality.code, 0) + 1
    names = dict(Municipality.objects.values_list("code", "name"))
    url = reverse("stats:municipality", kwargs={"code": "CODE"})
    chart = charts.marked_map(
        marked={
            code: ngettext("uses %(count)d method", "uses %(count)d methods", count)
            % {"count": count}
            for code, count in counts.items()
        },
        names=names,
        urls={code: url.replace("CODE", code) for code in counts},
        title=_("Map of the municipalities that use methods of the bank"),
        description=_(
            "The marked municipalities use at least one method; each is a link to its "
            "statistics, named with how many methods it uses. The same is listed below the map."
        ),
    )
    return render_to_string("stats/charts/map.html", {"map": chart})


def methods_in_use(request: HttpRequest) -> HttpResponse:
    in_use = read_methods_in_use()
    context = {
        "in_use": in_use,
        "regions": by_region(in_use),
        "municipality_count": len({p.municipality.pk for e in in_use for p in e.places}),
        "breadcrumbs": [
            HOME_CRUMB,
            (gettext_lazy("Methods"), reverse("methods:list")),
            (TITLE, None),
        ],
    }
    if in_use:
        # The same for every visitor in one language until a use or a method changes.
        context["map"] = remember("methods-in-use-map", (get_language(),), lambda: _map(in_use))
    return render(request, "accounts/methods_in_use.html", context)
