"""A case study is always linked to its own municipality and that municipality's region.

Artikelsök's municipality and region filters read the article's links, so a case study
whose editor chose Ljungby as its municipality but left the links empty would otherwise be
missing under Ljungby and Kronobergs län. The links are added on every save and put back if
a form (the admin's included) sets them without it. When the municipality changes, the
former one's link goes, and so does its region's unless a municipality still linked lies in
that region: a case study moved from Ljungby to Partille is no longer counted under Ljungby.
"""

from django.db.models.signals import m2m_changed, post_init, post_save
from django.dispatch import receiver

from content.models import Article
from stats.models import Municipality

from .models import CaseStudy

REMOVALS = {"post_remove", "post_clear"}


def link_own_municipality(case_study: CaseStudy) -> None:
    municipality = case_study.municipality
    # add() skips links that exist and sends no signal for them.
    case_study.municipalities.add(municipality)
    case_study.regions.add(municipality.region_id)


def unlink_former_municipality(case_study: CaseStudy, former_id: int | None) -> None:
    """Remove the links that followed from the municipality the case study had before."""
    if former_id is None or former_id == case_study.municipality_id:
        return
    former_region_id = (
        Municipality.objects.filter(pk=former_id).values_list("region_id", flat=True).first()
    )
    case_study.municipalities.remove(former_id)
    if not case_study.municipalities.filter(region_id=former_region_id).exists():
        case_study.regions.remove(former_region_id)


@receiver(post_init, sender=CaseStudy, dispatch_uid="case_study_remembers_municipality")
def remember_municipality(sender, instance: CaseStudy, **kwargs) -> None:
    # Read from __dict__: a deferred field would cost a query for every case study loaded.
    instance._saved_municipality_id = instance.__dict__.get("municipality_id")


@receiver(post_save, sender=CaseStudy, dispatch_uid="case_study_own_municipality")
def link_on_save(sender, instance: CaseStudy, created: bool, raw: bool = False, **kwargs) -> None:
    if raw:  # fixtures bring their own links
        return
    link_own_municipality(instance)  # first: the former region may be the new one's too
    if not created:
        unlink_former_municipality(instance, instance._saved_municipality_id)
    instance._saved_municipality_id = instance.municipality_id


@receiver(
    m2m_changed, sender=Article.municipalities.through, dispatch_uid="case_study_keeps_municipality"
)
@receiver(m2m_changed, sender=Article.regions.through, dispatch_uid="case_study_keeps_region")
def relink_after_removal(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    if action not in REMOVALS or reverse:
        return
    case_study = instance if isinstance(instance, CaseStudy) else None
    if case_study is None and isinstance(instance, Article):
        case_study = CaseStudy.objects.filter(pk=instance.pk).first()
    if case_study is not None:
        link_own_municipality(case_study)
