"""'My municipality at a glance': the latest figures of the user's municipality."""

from django.urls import NoReverseMatch, reverse


def municipality_glance(municipality) -> dict | None:
    if municipality is None:
        return None
    try:
        url = reverse("stats:municipality", kwargs={"code": municipality.code})
    except NoReverseMatch:
        url = ""
    return {"municipality": municipality, "url": url, "figures": []}
