"""The methods registry's public page, at /metoder/anvands/ (pluginnovation/urls.py)."""

from django.urls import path

from . import registry_views

app_name = "registry"
urlpatterns = [path("", registry_views.methods_in_use, name="in_use")]
