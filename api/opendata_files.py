"""Serving the open-data files (settings.OPEN_DATA_ROOT) at OPEN_DATA_URL, as static files.

WhiteNoise, as for the site's own static files, but looking each file up when it is asked for:
the daily export replaces them while the site runs, and WhiteNoise's usual index of files made
at start-up would serve the old sizes and dates. Behind nginx, nginx may serve the directory
itself (README.md, "Open data").
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import get_script_prefix
from whitenoise.base import WhiteNoise
from whitenoise.middleware import WhiteNoiseMiddleware

OPEN_DATA_URL = "/oppna-data/filer/"
# The files change once a day; a client may reuse one for an hour.
MAX_AGE = 3600


def files_url() -> str:
    return get_script_prefix().rstrip("/") + OPEN_DATA_URL


class OpenDataFilesMiddleware(WhiteNoise):
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        super().__init__(
            application=None,
            autorefresh=True,
            max_age=MAX_AGE,
            allow_all_origins=True,
            mimetypes={".jsonld": "application/ld+json", ".csv": "text/csv"},
        )
        self.add_files(str(settings.OPEN_DATA_ROOT), prefix=OPEN_DATA_URL)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info.startswith(OPEN_DATA_URL):
            static_file = self.find_file(request.path_info)
            if static_file is not None:
                return WhiteNoiseMiddleware.serve(static_file, request)
        return self.get_response(request)
