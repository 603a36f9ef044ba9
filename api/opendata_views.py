"""/oppna-data/ (/en/open-data/): the downloads of the whole knowledge bank and the statistics."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from infra.breadcrumbs import HOME_CRUMB


def index(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "api/open_data.html",
        {"breadcrumbs": [HOME_CRUMB, (_("Open data"), None)]},
    )
