import pytest

from tests.factories import MethodFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_switching_language_keeps_the_visitor_on_the_same_page(live_server, page):
    method = MethodFactory(title_sv="Utökat mentorskap", title_en="Extended mentoring")
    page.goto(f"{live_server.url}{method.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Utökat mentorskap"
    page.get_by_role("link", name="English", exact=True).click()
    assert page.url == f"{live_server.url}/en/methods/{method.slug}/"
    assert page.locator("h1").inner_text() == "Extended mentoring"
    assert page.locator("html").get_attribute("lang") == "en"
