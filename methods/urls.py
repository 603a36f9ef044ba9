from django.urls import path

from . import views
from .models import EVIDENCE_PATH

app_name = "methods"
urlpatterns = [
    path("", views.method_list, name="list"),
    # Before the methods' own addresses; a method cannot take this slug (Method.clean).
    path(EVIDENCE_PATH, views.evidence, name="evidence"),
    path("<slug:slug>/", views.MethodDetailView.as_view(), name="detail"),
]
