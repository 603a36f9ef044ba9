from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The open API (/api/v1/) and the open-data downloads (/oppna-data/)."""

    name = "api"
    verbose_name = _("Open data")

    def ready(self) -> None:
        from infra.badinput import answer_refusals_under
        from infra.cache import show_publicly

        from .links import API_PREFIX
        from .middleware import refused_input

        # The API shows the statistics (indicators, their definitions, areas): an edit to them
        # must make cached answers stale like an edit to an article.
        show_publicly("stats")
        # A NUL byte, refused before the API sees the request, is answered as its own 400s.
        answer_refusals_under(API_PREFIX, refused_input)
