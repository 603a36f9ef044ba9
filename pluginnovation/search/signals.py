"""Keep the search index current: every save, delete and tag change of any article.

Saves of subclasses (Method, CaseStudy, …) arrive with the subclass as sender, so the
receivers listen to every sender and keep to Article instances. The admin's publish and
unpublish actions save articles one by one, so they pass through here too.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from pluginnovation.models import Article

from . import index_article, remove_articles

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
