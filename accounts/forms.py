from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.urls import Resolver404, resolve
from django.utils import timezone, translation
from django.utils.encoding import uri_to_iri
from django.utils.translation import gettext_lazy as _

from content.registry import search_type_choices
from stats.models import Municipality

from .models import MethodUse, Profile, SavedSearch


class UserNameForm(forms.ModelForm):
    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]
        widgets = {
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }


class ProfileForm(forms.ModelForm):
    class Meta:
        model = Profile
        fields = [
            "organisation",
            "role",
            "municipality",
            "language",
            "search_alerts",
        ]
        widgets = {"organisation": forms.TextInput(attrs={"autocomplete": "organization"})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["language"].choices = [("", _("The language of the address"))] + [
            (code, name) for code, name in settings.LANGUAGES
        ]


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password again, so a borrowed session cannot do it."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my data will be deleted for good.")
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


def search_query_from_url(value: str) -> str:
    """The query string of an Artikelsök address (any language), without the page number.

    Raises ValidationError for anything that is not an address of Artikelsök.
    """
    try:
        parts = urlsplit(value.strip())
    except ValueError:  # e.g. http://[::1/sok/: not an address at all
        raise forms.ValidationError(_("Give the address of a search in Artikelsök.")) from None
    if parts.path:
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                try:
                    match = resolve(parts.path)
                except Resolver404:
                    continue
            if match.view_name == "search:results":
                break
        else:
            raise forms.ValidationError(_("Give the address of a search in Artikelsök."))
    query = QueryDict(parts.query, mutable=True)
    query.pop("page", None)
    encoded = query.urlencode()
    limit = SavedSearch._meta.get_field("query").max_length
    if len(encoded) > limit:  # encoded, å takes six characters
        raise forms.ValidationError(_("The search is too long to be saved."))
    return encoded


def readable_address(address: str) -> str:
    """The address as people read it (/sok/?q=frånvaro, not ?q=fr%C3%A5nvaro); characters
    that mean something in an address (&, =, +, …) stay encoded, so the search is the same."""
    return uri_to_iri(address)


def suggested_name(address: str) -> str:
    """A name for a search saved from its results: its words, else its content type."""
    try:
        query = QueryDict(urlsplit(address).query)
    except ValueError:  # not an address: the form then says so
        query = QueryDict()
    words = " ".join(query.get("q", "").split())
    if words:
        return words[: SavedSearch._meta.get_field("name").max_length]
    content_type = dict(search_type_choices()).get(query.get("typ", ""))
    return str(content_type or _("All articles"))


class SavedSearchForm(forms.ModelForm):
    """Save or edit a search; the instance carries its owner (set by the view)."""

    url = forms.CharField(
        label=_("Address of the search"),
        max_length=2000,
        help_text=_(
            "The address of a page of results in Artikelsök, such as /sok/?q=mentor. It is "
            "filled in when you save a search from its results."
        ),
    )

    class Meta:
        model = SavedSearch
        fields = ["name", "url", "alerts"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["url"] = readable_address(self.instance.get_search_url())

    def clean_url(self) -> str:
        query = search_query_from_url(self.cleaned_data["url"])
        same = SavedSearch.objects.filter(user=self.instance.user, query=query)
        already = same.exclude(pk=self.instance.pk).first()
        if already is not None:
            raise forms.ValidationError(
                _("You have saved this search already, as “%(name)s”."),
                code="duplicate",
                params={"name": already.name},
            )
        return query

    def save(self, commit: bool = True) -> SavedSearch:
        self.instance.query = self.cleaned_data["url"]
        return super().save(commit)


class MethodUseForm(forms.ModelForm):
    class Meta:
        model = MethodUse
        fields = ["municipality", "start_year", "show_contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name")
        self.fields["start_year"].widget.attrs.update(
            {"min": 1990, "max": timezone.now().year, "inputmode": "numeric"}
        )

    def clean_start_year(self) -> int:
        year = self.cleaned_data["start_year"]
        if year > timezone.now().year:
            raise forms.ValidationError(_("The year cannot be in the future."))
        return year


class MethodProposalForm(forms.Form):
    title = forms.CharField(label=_("Name of the method"), max_length=255)
    summary = forms.CharField(
        label=_("In short"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    body = forms.CharField(
        label=_("Description"),
        max_length=20000,
        help_text=_("What is done, by whom, and what it has led to."),
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    target_group = forms.CharField(
        label=_("Target group"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=200, required=False)
    contact_organisation = forms.CharField(
        label=_("Contact organisation"), max_length=200, required=False
    )
    contact_email = forms.EmailField(label=_("Contact e-mail"), required=False)
