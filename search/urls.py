from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

app_name = "search"
urlpatterns = [
    path("", views.search, name="results"),
    path(_("help/"), views.search_help, name="help"),
    path(_("opened/<int:pk>/"), views.opened, name="opened"),
]
