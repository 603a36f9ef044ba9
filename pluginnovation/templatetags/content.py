from django import template

register = template.Library()


@register.filter
def translated(obj, name: str) -> str:
    """`{{ method|translated:"cost" }}`: a per-language field in the visitor's language."""
    return obj.translated(name)


@register.filter
def language_of(obj, name: str) -> str:
    """`<p lang="{{ article|language_of:'summary' }}">`: the language a field is shown in."""
    return obj.translated_language(name)
