"""axe-core on the account pages and Mina sidor, in both languages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation

from tests.accounts.factories import (
    MethodProposalFactory,
    MethodUseFactory,
    ProfileFactory,
    SavedArticleFactory,
    SavedSearchFactory,
    VerifiedUserFactory,
)
from tests.factories import PASSWORD, MethodFactory, MunicipalityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
AXE = Axe()


def path(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def assert_no_violations(page, where: str) -> None:
    results = AXE.run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{where}\n{results.generate_report()}"


@pytest.mark.parametrize("language", ["sv", "en"])
def test_account_pages_and_my_pages_have_no_wcag_21_aa_violations(live_server, page, language):
    user = VerifiedUserFactory(first_name="Sara", last_name="Lind")
    partille = MunicipalityFactory()
    ProfileFactory(user=user, municipality=partille)
    method = MethodFactory()
    SavedArticleFactory(user=user, article=method)
    SavedSearchFactory(user=user)
    MethodUseFactory(user=user, method=method, municipality=partille, show_contact=True)
    MethodProposalFactory(user=user)

    for name in ("account_signup", "account_reset_password", "account_login"):
        page.goto(f"{live_server.url}{path(language, name)}")
        assert_no_violations(page, name)
    page.locator("main button[type=submit]").click()  # empty login: errors next to the fields
    page.wait_for_load_state()
    assert_no_violations(page, "login with errors")

    page.fill('input[name="login"]', user.email)
    page.fill('input[name="password"]', PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state()
    for name, kwargs in [
        ("accounts:dashboard", {}),
        ("accounts:settings", {}),
        ("accounts:delete_account", {}),
        ("accounts:saved_search_new", {}),
        ("accounts:propose_method", {}),
        ("accounts:method_use", {"slug": method.slug}),
        ("methods:detail", {"slug": method.slug}),
    ]:
        response = page.goto(f"{live_server.url}{path(language, name, **kwargs)}")
        assert response.status == 200, name
        assert_no_violations(page, name)
