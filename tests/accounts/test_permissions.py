"""The permission ladder on every personal page and action: anonymous, other user, owner, editor.

Personal rows answer 404 to everybody but their owner (editors included: Mina sidor is not an
editorial tool), and anonymous visitors are sent to the login page in their language.
"""

import pytest

from tests.factories import UserFactory

from .factories import (
    MethodProposalFactory,
    MethodUseFactory,
    SavedArticleFactory,
    SavedSearchFactory,
    VerifiedUserFactory,
)
from .helpers import url

pytestmark = pytest.mark.django_db

LANGUAGES = ["sv", "en"]


@pytest.fixture
def owner(db):
    return VerifiedUserFactory()


@pytest.fixture
def items(owner):
    return {
        "saved": SavedArticleFactory(user=owner),
        "search": SavedSearchFactory(user=owner),
        "use": MethodUseFactory(user=owner),
        "proposal": MethodProposalFactory(user=owner, method__title_sv="Ägarens förslag"),
    }


# (method, url name, kwargs from the owner's items, what the owner gets)
PERSONAL = [
    ("get", "accounts:dashboard", lambda i: {}, 200),
    ("get", "accounts:settings", lambda i: {}, 200),
    ("get", "accounts:delete_account", lambda i: {}, 200),
    ("get", "accounts:propose_method", lambda i: {}, 200),
    ("get", "accounts:saved_search_new", lambda i: {}, 200),
    ("get", "account_change_password", lambda i: {}, 200),
    ("get", "accounts:method_use", lambda i: {"slug": i["use"].method.slug}, 200),
]
OWNED = [
    ("get", "accounts:saved_search_edit", lambda i: {"pk": i["search"].pk}),
    ("post", "accounts:saved_search_delete", lambda i: {"pk": i["search"].pk}),
    ("post", "accounts:unsave_article", lambda i: {"article_id": i["saved"].article_id}),
    ("post", "accounts:method_use_delete", lambda i: {"pk": i["use"].pk}),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("method", "name", "kwargs"), [p[:3] for p in PERSONAL] + OWNED)
def test_anonymous_visitors_are_sent_to_the_login_page(
    client, items, language, method, name, kwargs
):
    address = url(name, language, **kwargs(items))
    response = getattr(client, method)(address)
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login", language) + "?next=")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("method", "name", "kwargs", "status"), PERSONAL)
def test_the_owner_reaches_their_pages(
    client, owner, items, language, method, name, kwargs, status
):
    client.force_login(owner)
    assert getattr(client, method)(url(name, language, **kwargs(items))).status_code == status


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("method", "name", "kwargs"), OWNED)
@pytest.mark.parametrize("who", ["other user", "editor"])
def test_another_users_items_are_a_404_even_for_editors(
    client, items, editor, language, method, name, kwargs, who
):
    client.force_login(editor if who == "editor" else UserFactory())
    response = getattr(client, method)(url(name, language, **kwargs(items)))
    assert response.status_code == 404


@pytest.mark.parametrize(("method", "name", "kwargs"), OWNED)
def test_the_owner_may_act_on_their_own_items(client, owner, items, method, name, kwargs):
    client.force_login(owner)
    assert getattr(client, method)(url(name, **kwargs(items))).status_code in (200, 302)


@pytest.mark.parametrize("language", LANGUAGES)
def test_my_pages_show_only_the_users_own_items(client, items, editor, language):
    client.force_login(editor)
    context = client.get(url("accounts:dashboard", language)).context
    assert context["saved_articles"] == []
    assert list(context["saved_searches"]) == []
    assert list(context["method_uses"]) == []
    assert list(context["proposals"]) == []


def test_settings_change_only_the_logged_in_users_profile(client, owner, items):
    intruder = VerifiedUserFactory()
    client.force_login(intruder)
    client.post(
        url("accounts:settings"),
        {
            "name-first_name": "Inkräktare",
            "profile-organisation": "X",
            "profile-search_alerts": "on",
        },
    )
    owner.refresh_from_db()
    intruder.refresh_from_db()
    assert owner.first_name != "Inkräktare"
    assert intruder.first_name == "Inkräktare"


def test_my_pages_cost_the_same_queries_however_much_the_user_has_saved(client, owner):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(owner)

    def queries() -> int:
        with CaptureQueriesContext(connection) as context:
            assert client.get(url("accounts:dashboard")).status_code == 200
        return len(context.captured_queries)

    SavedArticleFactory(user=owner)
    SavedSearchFactory(user=owner)
    MethodUseFactory(user=owner)
    MethodProposalFactory(user=owner)
    queries()  # the first visit creates the profile
    few = queries()
    SavedArticleFactory.create_batch(5, user=owner)
    SavedSearchFactory.create_batch(5, user=owner)
    MethodProposalFactory.create_batch(5, user=owner)
    assert queries() == few
