import factory
from allauth.account.models import EmailAddress

from accounts.models import (
    MethodProposal,
    MethodUse,
    Moderation,
    Profile,
    SavedArticle,
    SavedSearch,
)
from tests.factories import ArticleFactory, MethodFactory, MunicipalityFactory, UserFactory


class VerifiedUserFactory(UserFactory):
    """A user who has confirmed their e-mail address, as allauth requires to log in."""

    @factory.post_generation
    def verified_email(obj, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, verified=True, primary=True)


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile
        django_get_or_create = ["user"]

    user = factory.SubFactory(VerifiedUserFactory)


class SavedArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedArticle

    user = factory.SubFactory(VerifiedUserFactory)
    article = factory.SubFactory(ArticleFactory)


class SavedSearchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SavedSearch

    user = factory.SubFactory(VerifiedUserFactory)
    name = factory.Sequence(lambda n: f"Bevakning {n}")
    query = "q=mentor"


class MethodUseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MethodUse

    user = factory.SubFactory(VerifiedUserFactory)
    method = factory.SubFactory(MethodFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    start_year = 2020
    # Approved by an editor, so public: the tests of moderation make pending ones.
    moderation = Moderation.APPROVED


class MethodProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MethodProposal

    user = factory.SubFactory(VerifiedUserFactory)
    method = factory.SubFactory(
        MethodFactory, status="review", published_at=None, author=factory.SelfAttribute("..user")
    )
