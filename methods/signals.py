"""Keep Artikelsök's index of methods current: a method's terms are in its text (its
search_texts), so a change of its terms or of a term's name re-indexes the methods concerned;
and a change of a term makes every process read the vocabularies again."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from content.models import Article
from infra.cache import bump_content_version
from search.api import index_article, index_articles

from .models import TERMS_VERSION, Method, Term

CHANGES = {"post_add", "post_remove", "post_clear"}


@receiver(m2m_changed, sender=Method.terms.through, dispatch_uid="methods_index_on_terms")
def index_on_terms(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if action == "pre_clear" and reverse:
        instance._method_ids = list(instance.methods.values_list("pk", flat=True))
    if action not in CHANGES:
        return
    if not reverse:
        index_article(instance)
        return
    ids = pk_set if action != "post_clear" else getattr(instance, "_method_ids", [])
    index_articles(Article.objects.filter(pk__in=ids or []))


def _terms_changed() -> None:
    """Every process reads the vocabularies again: now, and after the commit (a page drawn
    from the rows before it may have kept them under the version bumped now)."""
    bump_content_version(TERMS_VERSION)
    transaction.on_commit(lambda: bump_content_version(TERMS_VERSION))


@receiver(post_save, sender=Term, dispatch_uid="methods_index_on_term_name")
def index_on_term_name(sender, instance, created, **kwargs) -> None:
    _terms_changed()
    if not created:
        index_articles(Article.objects.filter(pk__in=instance.methods.values("pk")))


@receiver(pre_delete, sender=Term, dispatch_uid="methods_remember_term_methods")
def remember_term_methods(sender, instance, **kwargs) -> None:
    # Deleting a term deletes its links without m2m_changed: its methods, while linked.
    instance._method_ids = list(instance.methods.values_list("pk", flat=True))


@receiver(post_delete, sender=Term, dispatch_uid="methods_index_on_term_delete")
def index_on_term_delete(sender, instance, **kwargs) -> None:
    _terms_changed()
    index_articles(Article.objects.filter(pk__in=getattr(instance, "_method_ids", [])))
