"""/api/v1/: the endpoints (django-ninja), the schema and the documentation page."""

from django.urls import include, path

from . import views
from .core import api
from .links import API_PREFIX

endpoint_patterns, _app_name, _namespace = api.urls

api_patterns = [
    path("docs/", views.docs, name="docs"),
    path("openapi.json", views.openapi_json, name="openapi"),
    *endpoint_patterns,
]

urlpatterns = [path(API_PREFIX.lstrip("/"), include((api_patterns, "api")))]
