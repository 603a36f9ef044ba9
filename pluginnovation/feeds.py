"""RSS feeds of news and of new methods, one per language (the URL's language prefix picks it;
Django's Feed labels the channel with the active language)."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from content.models import NEWS, Article
from methods.models import Method

FEED_LENGTH = 20


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed
    kind: str = ""
    list_url_name = ""

    def link(self) -> str:
        return reverse(self.list_url_name)

    def items(self):
        return Article.objects.published().of_kind(self.kind).newest_first()[:FEED_LENGTH]

    def item_title(self, item: Article) -> str:
        return item.title

    def item_description(self, item: Article) -> str:
        return item.summary

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_updateddate(self, item: Article):
        return item.updated_at


class NewsFeed(ArticleFeed):
    kind = NEWS
    list_url_name = "news:list"
    title = _("PlugInnovation: news")
    description = _(
        "News from PlugInnovation, the national platform for preventing early school leaving."
    )


class MethodFeed(ArticleFeed):
    kind = Method.KIND
    list_url_name = "methods:list"
    title = _("PlugInnovation: new methods")
    description = _("Methods newly added to PlugInnovation's method bank.")
