"""What the methods registry adds to a municipality's and a region's statistics page: the
methods its municipalities say they use (stats/extensions.py)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from stats.extensions import AreaSection
from stats.models import Municipality, Region

from .registry import methods_in_use


def methods_used_in(area, page: dict) -> dict | None:
    if not isinstance(area, Municipality | Region):
        return None
    return {
        "anchor": "methods-in-use",
        "heading": _("Methods in use"),
        "area": area,
        "in_region": isinstance(area, Region),
        "methods": methods_in_use(area),
        "in_use_url": reverse("registry:in_use"),
    }


METHODS_IN_USE = AreaSection("accounts/includes/area_methods_in_use.html", methods_used_in, 120)
