from django import template

from ..citations import FORMATS, ExportFormat
from ..models import PUBLICATION, Publication

register = template.Library()


@register.filter
def as_publication(article) -> Publication | None:
    """`{% with publication=article|as_publication %}`: a literature article as its Publication
    (cards show its authors and year). Lists read it with the article (select_related
    "publication"); else it costs a query."""
    if isinstance(article, Publication):
        return article
    if getattr(article, "kind", None) != PUBLICATION:
        return None
    try:
        return article.publication
    except Publication.DoesNotExist:
        return None


@register.simple_tag
def reference_formats() -> list[ExportFormat]:
    """`{% reference_formats as formats %}`: the formats references download in."""
    return list(FORMATS.values())
