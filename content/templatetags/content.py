from django import template
from django.utils.translation import get_language

from infra.cache import remember

from .. import models

register = template.Library()


@register.filter
def translated(obj, name: str) -> str:
    """`{{ method|translated:"cost" }}`: a per-language field in the visitor's language."""
    return obj.translated(name)


@register.filter
def tag_label(tag) -> tuple[str, str]:
    """`{% with label=tag|tag_label %}<a lang="{{ label.1 }}">{{ label.0 }}</a>`: the tag's
    name in the visitor's language, and that name's language."""
    return models.tag_label(tag)


@register.filter
def language_of(obj, name: str) -> str:
    """`<p lang="{{ article|language_of:'summary' }}">`: the language a field is shown in."""
    return obj.translated_language(name)


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist: template.NodeList, name: str, vary_on: list):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context: template.Context) -> str:
        parts = (self.name, get_language(), *(value.resolve(context) for value in self.vary_on))
        return remember("fragment", parts, lambda: self.nodelist.render(context))


@register.tag
def shared_fragment(parser, token) -> SharedFragmentNode:
    """`{% shared_fragment "card" article.pk %}…{% endshared_fragment %}`: HTML that is the same
    for every visitor in one language, drawn once per content version (infra.cache).

    Unlike Django's {% cache %} the content version is always in the key, and a cache outage
    only costs the time to draw. Never put anything personal (user, CSRF token, path) inside.
    """
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment needs a name")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, bits[1], [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def editors_desk(context) -> dict:
    """`{% editors_desk as desk %}`: the desk's address and how much waits there for the user."""
    from django.urls import reverse

    from ..desk import waiting_count

    request = context.get("request")
    if request is None or not request.user.is_staff:
        return {}
    return {"url": reverse("editors_desk"), "waiting": waiting_count(request.user)}
