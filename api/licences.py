"""The licences of what the API and the downloads give: the knowledge bank's texts under the
licence the editors state in settings (CONTENT_LICENCE_NAME, CONTENT_LICENCE_URL; none until
they do), the statistics under Kolada's (CC BY 4.0, "Källa: Kolada")."""

from django.conf import settings

from stats.exports import LICENCE, LICENCE_URL, SOURCE

KOLADA_SOURCE = SOURCE
KOLADA_LICENCE = {"name": LICENCE, "url": LICENCE_URL}


def content_licence() -> dict[str, str | None]:
    return {
        "name": settings.CONTENT_LICENCE_NAME or None,
        "url": settings.CONTENT_LICENCE_URL or None,
    }
