"""The header's login link brings the visitor back to the page they were on, except from the
account pages themselves, where a way back would make each login page link to a longer one."""

import re

import pytest

from tests.factories import MethodFactory
from tests.site.html import page

from .helpers import url

pytestmark = pytest.mark.django_db


def header_login_link(response) -> str:
    navigation = page(response).find("nav", **{"class": "account-nav"})
    return next(child.get("href") for child in navigation_links(navigation))


def navigation_links(element):
    for child in element.children:
        if child.tag == "a":
            yield child
        yield from navigation_links(child)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_login_link_leads_back_to_the_page_the_visitor_was_on(client, language):
    method = MethodFactory()
    detail = url("methods:detail", language, slug=method.slug)
    link = header_login_link(client.get(detail + "?a=1&b=2"))
    assert link == f"{url('account_login', language)}?next={detail}%3Fa%3D1%26b%3D2"


@pytest.mark.parametrize(
    "name", ["account_login", "account_signup", "account_reset_password", "home"]
)
def test_the_account_pages_and_home_link_to_the_login_page_without_a_way_back(client, name):
    response = client.get(url(name) + ("?next=/metoder/" if name == "account_login" else ""))
    assert response.status_code == 200
    assert header_login_link(response) == url("account_login")


def test_following_login_links_from_the_login_page_never_grows_the_address(client):
    address = url("account_login")
    seen = set()
    for _ in range(3):
        html = client.get(address).content.decode()
        links = set(re.findall(r'href="(/mina-sidor/konto/logga-in/[^"]*)"', html))
        assert all(len(link) <= len(address) + len("?next=/metoder/") for link in links)
        seen |= links
        address = max(links, key=len)
    assert seen == {url("account_login")}
