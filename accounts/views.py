"""Mina sidor. Every personal view reads only the logged-in user's own rows (a row of another
user is a 404) and anonymous visitors are sent to the login page."""

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from content.models import Article
from infra import ratelimit
from infra.breadcrumbs import HOME_CRUMB
from methods.models import Method
from research.models import Publication
from research.views import download, download_links, in_order

from . import services
from .forms import (
    DeleteAccountForm,
    MethodProposalForm,
    MethodUseForm,
    ProfileForm,
    SavedSearchForm,
    UserNameForm,
    readable_address,
    suggested_name,
)
from .models import MethodProposal, MethodUse, SavedArticle, SavedSearch
from .municipality import municipality_glance

MY_PAGES = gettext_lazy("My pages")


def _crumbs(*current) -> list:
    """Breadcrumbs below Mina sidor: Home › Mina sidor › … › current."""
    return [HOME_CRUMB, (MY_PAGES, reverse("accounts:dashboard")), *current]


def _next_url(request: HttpRequest, default: str) -> str:
    """Where to go back to after an action: a local `next`, else `default`."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile = services.profile_of(user)
    saved = (
        SavedArticle.objects.of(user)
        .select_related("article__publication")
        .filter(article__in=Article.objects.visible_to(user))
    )
    saved_articles = [item.article for item in saved]
    return render(
        request,
        "accounts/dashboard.html",
        {
            "profile": profile,
            "saved_articles": saved_articles,
            "saved_references": download_links("accounts:saved_references")
            if any(article.kind == Publication.KIND for article in saved_articles)
            else [],
            "saved_searches": SavedSearch.objects.of(user),
            "method_uses": MethodUse.objects.of(user).select_related("method", "municipality"),
            "proposals": MethodProposal.objects.of(user).select_related("method"),
            "glance": municipality_glance(profile.municipality),
            "breadcrumbs": [HOME_CRUMB, (MY_PAGES, None)],
        },
    )


@login_required
def settings_view(request: HttpRequest) -> HttpResponse:
    profile = services.profile_of(request.user)
    data = request.POST if request.method == "POST" else None
    name_form = UserNameForm(data, instance=request.user, prefix="name")
    profile_form = ProfileForm(data, instance=profile, prefix="profile")
    if data is not None and name_form.is_valid() and profile_form.is_valid():
        with transaction.atomic():
            name_form.save()
            profile = profile_form.save()
        messages.success(request, _("Your settings have been saved."))
        url = reverse("accounts:settings")
        # A new preferred language takes effect at once: the same page in that language.
        return redirect(translate_url(url, profile.language) if profile.language else url)
    return render(
        request,
        "accounts/settings.html",
        {
            "name_form": name_form,
            "profile_form": profile_form,
            "breadcrumbs": _crumbs((_("Settings"), None)),
        },
    )


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        services.delete_account(user)
        messages.success(request, _("Your account and your data have been deleted."))
        return redirect("home")
    return render(
        request,
        "accounts/delete_account.html",
        {
            "form": form,
            "breadcrumbs": _crumbs(
                (_("Settings"), reverse("accounts:settings")), (_("Delete my account"), None)
            ),
        },
    )


# Saved articles ----------------------------------------------------------------------


@require_POST
@login_required
def save_article(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.visible_to(request.user), pk=article_id)
    try:
        with transaction.atomic():
            SavedArticle.objects.create(user=request.user, article=article)
    except IntegrityError:
        pass  # saved already (a second click): the outcome is the same
    messages.success(request, _("The article has been saved in My pages."))
    return redirect(_next_url(request, article.get_absolute_url()))


@require_POST
@login_required
def unsave_article(request: HttpRequest, article_id: int) -> HttpResponse:
    saved = get_object_or_404(SavedArticle.objects.of(request.user), article_id=article_id)
    url = saved.article.get_absolute_url()
    saved.delete()
    messages.success(request, _("The article has been removed from My pages."))
    return redirect(_next_url(request, url))


@login_required
def saved_references(request: HttpRequest, fmt: str) -> HttpResponse:
    """The literature among the user's saved articles, newest saved first, to download."""
    saved = SavedArticle.objects.of(request.user).values_list("article_id", flat=True)
    visible = Publication.objects.visible_to(request.user)
    return download(in_order(list(saved), visible), fmt, "sparade-referenser")


# Saved searches ----------------------------------------------------------------------


@login_required
def saved_search_form(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    search = get_object_or_404(SavedSearch.objects.of(request.user), pk=pk) if pk else None
    initial = {}
    if search is None and request.GET.get("url"):  # from a page of results
        address = request.GET["url"][:2000]
        initial = {"url": readable_address(address), "name": suggested_name(address)}
    form = SavedSearchForm(
        request.POST if request.method == "POST" else None,
        instance=search or SavedSearch(user=request.user),
        initial=initial,
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and ratelimit.form_allowed(request, "saved_search", form)
    ):
        form.save()
        messages.success(request, _("The search has been saved."))
        return redirect("accounts:dashboard")
    title = _("Edit saved search") if search else _("Save a search")
    return render(
        request,
        "accounts/saved_search_form.html",
        {"form": form, "search": search, "title": title, "breadcrumbs": _crumbs((title, None))},
    )


@require_POST
@login_required
def saved_search_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(SavedSearch.objects.of(request.user), pk=pk).delete()
    messages.success(request, _("The saved search has been deleted."))
    return redirect("accounts:dashboard")


@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """Stop search alerts from the link in an alert, without logging in. GET asks, POST does
    it: a mail client that fetches links in advance must not unsubscribe anybody. A mail
    client's one-click unsubscribe (RFC 8058) POSTs without a CSRF token: the signed token in
    the address is the proof, and stopping alerts is all a POST here can do."""
    user = services.user_from_unsubscribe_token(token)
    if user is None:
        raise Http404
    done = False
    if request.method == "POST":
        profile = services.profile_of(user)
        profile.search_alerts = False
        profile.save(update_fields=["search_alerts"])
        done = True
    return render(
        request,
        "accounts/unsubscribe.html",
        {"done": done, "breadcrumbs": [HOME_CRUMB, (_("Stop search alerts"), None)]},
    )


# "Vi använder metoden" and "Tipsa om en metod" -------------------------------------------


@login_required
def method_use_form(request: HttpRequest, slug: str) -> HttpResponse:
    method = get_object_or_404(Method.objects.published(), slug=slug)
    profile = services.profile_of(request.user)
    use = MethodUse(user=request.user, method=method)
    form = MethodUseForm(
        request.POST if request.method == "POST" else None,
        instance=use,
        initial={"municipality": profile.municipality},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and ratelimit.form_allowed(request, "method_use", form)
    ):
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:
            form.add_error(
                "municipality", _("You have already said that this municipality uses the method.")
            )
        else:
            messages.success(
                request,
                _(
                    "Thank you! The method's page lists your municipality once an editor has "
                    "approved it; follow it in My pages."
                ),
            )
            return redirect(method.get_absolute_url())
    return render(
        request,
        "accounts/method_use_form.html",
        {
            "form": form,
            "method": method,
            "breadcrumbs": [
                HOME_CRUMB,
                (_("Methods"), reverse("methods:list")),
                (method.title, method.get_absolute_url()),
                (_("We use the method"), None),
            ],
        },
    )


@require_POST
@login_required
def method_use_delete(request: HttpRequest, pk: int) -> HttpResponse:
    get_object_or_404(MethodUse.objects.of(request.user), pk=pk).delete()
    messages.success(request, _("Your municipality is no longer listed for the method."))
    return redirect("accounts:dashboard")


@login_required
def propose_method(request: HttpRequest) -> HttpResponse:
    form = MethodProposalForm(request.POST if request.method == "POST" else None)
    if (
        request.method == "POST"
        and form.is_valid()
        and ratelimit.form_allowed(request, "method_proposal", form)
    ):
        services.propose_method(request.user, get_language(), form.cleaned_data)
        messages.success(
            request,
            _("Thank you for the tip! The editors will review the method; follow it in My pages."),
        )
        return redirect("accounts:dashboard")
    return render(
        request,
        "accounts/propose_method.html",
        {"form": form, "breadcrumbs": _crumbs((_("Suggest a method"), None))},
    )
