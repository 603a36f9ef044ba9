from django.http import HttpRequest, HttpResponse
from django.urls import path

from pluginnovation.urls import handler500
from pluginnovation.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def hello(request: HttpRequest) -> HttpResponse:
    """The bare view `make bench` compares pages with: no database, no template."""
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [*site_urlpatterns, path("bench/hello/", hello, name="bench-hello")]
