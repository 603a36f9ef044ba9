from django import template
from django.utils.html import format_html

from stats import charts

register = template.Library()


@register.filter
def figure(value):
    """A table cell's figure: 78,1 % (Swedish pages) / 78.1% (English), or why it is absent."""
    if value is None or value.value is None:
        css = "figure-suppressed" if value is not None and value.is_suppressed else "figure-none"
        return format_html('<span class="{}">{}</span>', css, charts.describe(value))
    return charts.describe(value)


@register.filter
def percent(value):
    return "" if value is None else charts.format_percent(value)
