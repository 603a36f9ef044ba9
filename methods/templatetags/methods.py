from django import template

register = template.Library()


@register.filter
def terms_of(method, vocabulary: str) -> list:
    """`{% for term in method|terms_of:"phase" %}`: the method's terms of one vocabulary."""
    return method.terms_of(vocabulary)
