from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import ContactMessage, Status


class ContactForm(forms.ModelForm):
    # A field people never see or fill in; simple bots fill in every field they find.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organisation", "subject", "message"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }

    def is_bot(self) -> bool:
        return bool(self.cleaned_data.get("website"))


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
