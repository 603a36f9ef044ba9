from django.urls import path
from django.utils.translation import gettext_lazy as _

from research import converters  # noqa: F401 - registers <refformat:>

from . import views

app_name = "accounts"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path(_("settings/"), views.settings_view, name="settings"),
    path(_("settings/delete-account/"), views.delete_account, name="delete_account"),
    path(_("saved-articles/<int:article_id>/save/"), views.save_article, name="save_article"),
    path(_("saved-articles/<int:article_id>/remove/"), views.unsave_article, name="unsave_article"),
    path(
        _("saved-articles/references.<refformat:fmt>"),
        views.saved_references,
        name="saved_references",
    ),
    path(_("saved-searches/new/"), views.saved_search_form, name="saved_search_new"),
    path(_("saved-searches/<int:pk>/"), views.saved_search_form, name="saved_search_edit"),
    path(
        _("saved-searches/<int:pk>/delete/"),
        views.saved_search_delete,
        name="saved_search_delete",
    ),
    path(_("alerts/stop/<str:token>/"), views.unsubscribe, name="unsubscribe"),
    path(_("methods/<slug:slug>/we-use-it/"), views.method_use_form, name="method_use"),
    path(_("methods-in-use/<int:pk>/delete/"), views.method_use_delete, name="method_use_delete"),
    path(_("suggest-a-method/"), views.propose_method, name="propose_method"),
]
