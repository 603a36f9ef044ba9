"""A case study is always linked to its own municipality and that municipality's region.

Artikelsök's municipality and region filters read the article's links, so a case study
whose editor chose Ljungby as its municipality but left the links empty would otherwise be
missing under Ljungby and Kronobergs län. The links are added on every save and put back if
a form (the admin's included) sets them without it.
"""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from pluginnovation.models import Article

from .models import CaseStudy

REMOVALS = {"post_remove", "post_clear"}


def link_own_municipality(case_study: CaseStudy) -> None:
    municipality = case_study.municipality
    # add() skips links that exist and sends no signal for them.
    case_study.municipalities.add(municipality)
    case_study.regions.add(municipality.region_id)


@receiver(post_save, sender=CaseStudy, dispatch_uid="case_study_own_municipality")
def link_on_save(sender, instance: CaseStudy, raw: bool = False, **kwargs) -> None:
    if not raw:  # fixtures bring their own links
        link_own_municipality(instance)


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
