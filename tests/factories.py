import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from casestudies.models import CaseStudy
from content.models import NEWS, Article, Status
from methods.models import Method, Term
from methods.vocabulary import ensure_default_terms
from research.models import Publication, ResearchSummary
from stats.models import Municipality, Region

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.se")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["code"]

    code = "14"
    name = "Västra Götalands län"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ["code"]

    code = "1402"
    name = "Partille"
    region = factory.SubFactory(RegionFactory)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published news article unless told otherwise."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    kind = NEWS
    slug = factory.Sequence(lambda n: f"artikel-{n}")
    title_sv = factory.Sequence(lambda n: f"Svensk rubrik {n}")
    title_en = factory.Sequence(lambda n: f"English title {n}")
    summary_sv = "En kort sammanfattning."
    summary_en = "A short summary."
    body_sv = "Brödtext på **svenska**."
    body_en = "Body text in **English**."
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.tags.add(*extracted)


def term(vocabulary: str, slug: str) -> Term:
    """A term of the method bank (the defaults of methods/vocabulary.py are made again if a
    flushed database lost them)."""
    found = Term.objects.filter(vocabulary=vocabulary, slug=slug).first()
    if found is None:
        ensure_default_terms(Term)
        found = Term.objects.get(vocabulary=vocabulary, slug=slug)
    return found


class MethodFactory(ArticleFactory):
    """`MethodFactory(terms={"target_group": ["hog-franvaro"], "phase": ["under-gymnasiet"]})`."""

    class Meta:
        model = Method
        skip_postgeneration_save = True

    kind = Method.KIND
    slug = factory.Sequence(lambda n: f"metod-{n}")
    title_sv = factory.Sequence(lambda n: f"Metod {n}")
    title_en = factory.Sequence(lambda n: f"Method {n}")

    @factory.post_generation
    def terms(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.terms.set(
                [
                    term(vocabulary, slug)
                    for vocabulary, slugs in extracted.items()
                    for slug in slugs
                ]
            )


class PublicationFactory(ArticleFactory):
    class Meta:
        model = Publication
        skip_postgeneration_save = True

    kind = Publication.KIND
    slug = factory.Sequence(lambda n: f"publikation-{n}")
    authors = factory.LazyFunction(lambda: [{"family": "Möllås", "given": "G."}])
    year = 2009


class ResearchSummaryFactory(ArticleFactory):
    class Meta:
        model = ResearchSummary
        skip_postgeneration_save = True

    kind = ResearchSummary.KIND
    slug = factory.Sequence(lambda n: f"sammanfattning-{n}")


class CaseStudyFactory(ArticleFactory):
    class Meta:
        model = CaseStudy
        skip_postgeneration_save = True

    kind = CaseStudy.KIND
    slug = factory.Sequence(lambda n: f"fallstudie-{n}")
    municipality = factory.SubFactory(MunicipalityFactory)
