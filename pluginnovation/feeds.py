"""RSS feeds of news and of new methods, one per language (the URL's language prefix picks it;
Django's Feed labels the channel with the active language)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape, strip_tags
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
        # Readers show <description> as HTML: escaped, the summary reads as the plain text it is
        # (a "<" in it is shown, never taken as markup), and markup in it is dropped.
        return escape(" ".join(strip_tags(item.summary).split()))

    def item_pubdate(self, item: Article):
        """The date the item gives itself (a news item's dated_on), or none: the day it went
        on the site (for the demo content, the day it was loaded) is not the content's date."""
        if item.dated_on is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(item.dated_on, datetime.time()))


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
