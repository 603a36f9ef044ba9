"""sitemap.xml: every published article and every section page, in both languages with hreflang."""

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from .models import Article


class _BothLanguages(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ArticleSitemap(_BothLanguages):
    changefreq = "monthly"

    def items(self):
        return Article.objects.published().only("pk", "kind", "slug", "updated_at").order_by("pk")

    def lastmod(self, item: Article):
        return item.updated_at


# The section pages, by URL name; a section not installed (yet) is left out.
SECTION_URL_NAMES = [
    "home",
    "methods:list",
    "research:list",
    "casestudies:list",
    "news:list",
    "stats:overview",
    "pages:about",
    "contact",
    "accessibility",
]


class SectionSitemap(_BothLanguages):
    changefreq = "weekly"

    def items(self) -> list[str]:
        names = []
        for name in SECTION_URL_NAMES:
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
        from stats.models import Municipality, Region

        return [*Region.objects.order_by("code"), *Municipality.objects.order_by("code")]


SITEMAPS = {"sections": SectionSitemap, "articles": ArticleSitemap, "statistics": AreaSitemap}
