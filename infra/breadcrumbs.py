"""The first step of every page's breadcrumbs."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

HOME_CRUMB = (gettext_lazy("Home"), reverse_lazy("home"))
