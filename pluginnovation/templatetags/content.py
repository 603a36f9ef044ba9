from django import template

register = template.Library()


@register.filter
def translated(obj, name: str) -> str:
    """`{{ method|translated:"cost" }}`: a per-language field in the visitor's language."""
    return obj.translated(name)
