"""Template tags for what is personal on shared pages: saved articles, the method registry."""

from urllib.parse import quote

from django import template
from django.urls import reverse

from ..models import MethodUse, SavedArticle

register = template.Library()


@register.simple_tag(takes_context=True)
def saved_article_ids(context) -> frozenset[int]:
    """The ids of the articles the visitor has saved: one query per request, however many
    cards a page shows (kept on the request)."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return frozenset()
    ids = getattr(request, "_saved_article_ids", None)
    if ids is None:
        ids = frozenset(SavedArticle.objects.of(request.user).values_list("article_id", flat=True))
        request._saved_article_ids = ids
    return ids


@register.simple_tag
def method_uses(method) -> list[MethodUse]:
    return list(MethodUse.objects.for_method(method))


@register.simple_tag(takes_context=True)
def login_url(context) -> str:
    """The login page, with the way back here (?next=) from any page but the home page and the
    account pages themselves: from the login page it would link to a longer login address each
    time, an endless chain for crawlers and link checkers."""
    request = context.get("request")
    url = reverse("account_login")
    if request is None or request.path == reverse("home"):
        return url
    match = request.resolver_match
    if match is not None and (match.url_name or "").startswith("account_"):
        return url
    return f"{url}?next={quote(request.get_full_path(), safe='/')}"


@register.simple_tag(takes_context=True)
def first_sign_in_invitation(context) -> bool:
    """True the first time a page asks: an anonymous visitor is invited to log in (to save
    articles, a search) once a page, not on every card."""
    request = context.get("request")
    if request is None or request.user.is_authenticated:
        return False
    if getattr(request, "_sign_in_invited", False):
        return False
    request._sign_in_invited = True
    return True
