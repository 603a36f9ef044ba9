"""The production entry point (gunicorn, `make serve`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pluginnovation.settings")
application = get_wsgi_application()


def _refuse_the_public_key() -> None:
    """Signed values (unsubscribe links, e-mail confirmations, cookies) can be forged by anyone
    who knows the key: the default one is in the repository, so it is never served in earnest."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    if not settings.DEBUG and settings.SECRET_KEY == settings.DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set: set it to a long random value (README.md, "
            "Running in production) before serving the site."
        )


_refuse_the_public_key()
