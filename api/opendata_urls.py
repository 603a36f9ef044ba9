from django.urls import path

from . import opendata_views

app_name = "opendata"
urlpatterns = [path("", opendata_views.index, name="index")]
