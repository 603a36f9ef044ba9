"""sitemap.xml: every published article and every section page, in both languages with hreflang."""

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from content.models import Article
from content.registry import content_types, sections
from stats.models import Municipality, Region


class _BothLanguages(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ArticleSitemap(_BothLanguages):
    changefreq = "monthly"

    def items(self):
        kinds = [item.kind for item in content_types() if item.in_sitemap]
        return (
            Article.objects.published()
            .filter(kind__in=kinds)
            .only("pk", "kind", "slug", "updated_at")
            .order_by("pk")
        )

    def lastmod(self, item: Article):
        return item.updated_at


def section_url_names() -> list[str]:
    """The home page, every content section's list, and the site's other sections."""
    return [
        "home",
        *(section.list_url for section in sections()),
        "registry:in_use",
        "stats:overview",
        "contact",
        "accessibility",
    ]


class SectionSitemap(_BothLanguages):
    changefreq = "weekly"

    def items(self) -> list[str]:
        names = []
        for name in section_url_names():
            try:
                reverse(name)
            except NoReverseMatch:
                continue
            names.append(name)
        return names

    def location(self, item: str) -> str:
        return reverse(item)


class AreaSitemap(_BothLanguages):
    """The statistics page of every region and municipality."""

    changefreq = "monthly"

    def items(self) -> list:
        return [*Region.objects.order_by("code"), *Municipality.objects.order_by("code")]


SITEMAPS = {"sections": SectionSitemap, "articles": ArticleSitemap, "statistics": AreaSitemap}
