"""Template tags for what is personal on shared pages: saved articles, the method registry."""

from django import template

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
