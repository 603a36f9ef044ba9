from django import forms
from django.utils import timezone

from .models import Status


class ArticleAdminForm(forms.ModelForm):
    """The admin form of every content type."""

    def clean(self):
        cleaned_data = super().clean()
        # Publishing without a date means "now"; the date must be there before the database's
        # check (a published article has a date) is validated, so save() is too late for it.
        if (
            cleaned_data.get("status") == Status.PUBLISHED
            and "published_at" in self.fields
            and not cleaned_data.get("published_at")
        ):
            cleaned_data["published_at"] = timezone.now()
        return cleaned_data
