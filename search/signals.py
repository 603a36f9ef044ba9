"""Keep the search index current: every save, delete and tag change of any article, and
every change of a tag's name (in either language) or a tag's deletion, every document added
to or removed from an article; and where the index
holds what the facets count (PostgreSQL), every change of an article's regions and
municipalities and the deletion of a region or municipality.

Saves of subclasses (Method, CaseStudy, …) arrive with the subclass as sender, so the
receivers listen to every sender and keep to Article instances. The admin's publish and
unpublish actions save articles one by one, so they pass through here too.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from content.models import Article, ArticleDocument, TagName
from stats.models import Municipality, Region

from .backends import get_backend
from .indexing import index_article, index_articles, remove_articles

TAG_ACTIONS = {"post_add", "post_remove", "post_clear"}


@receiver(post_save, dispatch_uid="search_index_on_save")
def index_on_save(sender, instance, **kwargs) -> None:
    if isinstance(instance, Article):
        index_article(instance)


@receiver(post_delete, dispatch_uid="search_index_on_delete")
def remove_on_delete(sender, instance, **kwargs) -> None:
    # Deleting a Method deletes its Article row too: one signal each, removal is idempotent.
    if isinstance(instance, Article):
        remove_articles([instance.pk])


@receiver(m2m_changed, sender=Article.tags.through, dispatch_uid="search_index_on_tags")
def index_on_tags(sender, instance, action, **kwargs) -> None:
    if action in TAG_ACTIONS and isinstance(instance, Article):
        index_article(instance)


@receiver(post_save, sender=ArticleDocument, dispatch_uid="search_index_on_document")
@receiver(post_delete, sender=ArticleDocument, dispatch_uid="search_index_on_document_delete")
def index_on_document(sender, instance, **kwargs) -> None:
    """A document's text is searched with its article."""
    article = Article.objects.filter(pk=instance.article_id).first()
    if article is not None:
        index_article(article)


@receiver(post_save, sender=Tag, dispatch_uid="search_index_on_tag_rename")
@receiver(post_save, sender=TagName, dispatch_uid="search_index_on_tag_name")
@receiver(post_delete, sender=TagName, dispatch_uid="search_index_on_tag_name_delete")
def index_on_tag_name(sender, instance, **kwargs) -> None:
    """A tag's name, in either language, is in the index of every article with the tag."""
    index_articles(Article.objects.filter(tags__id=instance.pk))


@receiver(m2m_changed, sender=Article.regions.through, dispatch_uid="search_index_on_regions")
@receiver(
    m2m_changed,
    sender=Article.municipalities.through,
    dispatch_uid="search_index_on_municipalities",
)
def index_on_geography(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not get_backend().facets_from_index:
        return  # the facets read the links themselves
    if action == "pre_clear" and reverse:
        # A region's or municipality's links cleared: its articles, while they are linked.
        instance._linked_article_ids = list(instance.articles.values_list("pk", flat=True))
    if action not in TAG_ACTIONS:
        return
    if not reverse:
        index_article(instance)
    else:
        ids = pk_set if action != "post_clear" else getattr(instance, "_linked_article_ids", [])
        index_articles(Article.objects.filter(pk__in=ids or []))


# Deleting a tag, region or municipality deletes its links without m2m_changed: its articles
# are found before, while linked, and indexed after.
LINKED_BY = {Tag: "tags", Region: "regions", Municipality: "municipalities"}


@receiver(pre_delete, dispatch_uid="search_index_before_link_target_delete")
def remember_linked(sender, instance, **kwargs) -> None:
    if sender in LINKED_BY:
        instance._linked_article_ids = list(
            Article.objects.filter(**{f"{LINKED_BY[sender]}__id": instance.pk}).values_list(
                "pk", flat=True
            )
        )


@receiver(post_delete, dispatch_uid="search_index_on_link_target_delete")
def index_on_link_target_delete(sender, instance, **kwargs) -> None:
    if sender in LINKED_BY:
        ids = getattr(instance, "_linked_article_ids", [])
        index_articles(Article.objects.filter(pk__in=ids))
