"""The method finder in a real browser: on a phone, with the keyboard only, a visitor finds a
method by target group and phase; axe finds no WCAG 2.1 AA violation on the method bank's
pages in either language."""

import pytest
from playwright.sync_api import expect

from tests.factories import MethodFactory

from .content import make_content, url_in
from .test_accessibility import assert_no_violations, focus_is_visible

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# What the focused element is called: a form control by its label, anything else by its text.
FOCUSED_NAME = """() => {
    const el = document.activeElement;
    const label = el.labels && el.labels.length ? el.labels[0].textContent : el.textContent;
    return [el.tagName, (label || '').replace(/\\s+/g, ' ').trim()];
}"""


def tab_to(page, tag: str, name_starts: str, limit: int = 250) -> None:
    """Press Tab until the focus is on a <tag> whose name starts with `name_starts`; each stop
    on the way shows where the focus is."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused_tag, name = page.evaluate(FOCUSED_NAME)
        assert focus_is_visible(page) or focused_tag == "BODY", name
        if focused_tag == tag and name.startswith(name_starts):
            return
    raise AssertionError(f"Tab never reached <{tag}> {name_starts!r}")


def test_a_visitor_finds_a_method_by_target_group_and_phase_on_a_phone_with_the_keyboard_only(
    live_server, page
):
    MethodFactory(
        title_sv="Närvarocoach",
        terms={"target_group": ["hog-franvaro"], "phase": ["under-gymnasiet"]},
    )
    MethodFactory(
        title_sv="Närvaroplan vid övergången",
        terms={"target_group": ["hog-franvaro"], "phase": ["overgang"]},
    )
    MethodFactory(
        title_sv="Mentorskap",
        terms={"target_group": ["elever-i-riskzon"], "phase": ["under-gymnasiet"]},
    )
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server.url}/metoder/")
    expect(page.locator("#results-heading")).to_have_text("3 metoder")

    # Results first; the "Filtrera" link takes the keyboard to the filters below them.
    tab_to(page, "A", "Filtrera")
    page.keyboard.press("Enter")
    tab_to(page, "INPUT", "Elever med hög frånvaro (2)")
    page.keyboard.press("Space")
    tab_to(page, "INPUT", "Under gymnasiet (2)")
    page.keyboard.press("Space")
    tab_to(page, "BUTTON", "Visa metoderna")
    page.keyboard.press("Enter")
    page.wait_for_url("**/metoder/?*")

    assert "malgrupp=hog-franvaro" in page.url and "fas=under-gymnasiet" in page.url
    expect(page.locator("#results-heading")).to_have_text("1 metod")
    tab_to(page, "A", "Närvarocoach")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Närvarocoach")
    # Nothing on the way was wider than the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_the_table_sorts_by_a_column_with_the_keyboard(live_server, page):
    MethodFactory(title_sv="Billig", cost_level=1)
    MethodFactory(title_sv="Dyr", cost_level=3)
    page.goto(f"{live_server.url}/metoder/?vy=tabell")
    tab_to(page, "A", "Kostnad")
    page.keyboard.press("Enter")
    page.wait_for_url("**sort=kostnad*")
    rows = page.locator("table.compare-table tbody th").all_inner_texts()
    assert rows == ["Billig", "Dyr"]
    expect(page.locator("th[aria-sort=ascending]")).to_contain_text("Kostnad")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_method_banks_pages_have_no_wcag_21_aa_violations(live_server, page, language):
    content = make_content()
    checked = []
    for label, name, kwargs, query in [
        ("finder", "methods:list", {}, ""),
        (
            "finder with choices",
            "methods:list",
            {},
            "?malgrupp=elever-i-riskzon&fas=under-gymnasiet",
        ),
        ("comparison table", "methods:list", {}, "?vy=tabell&sort=-kostnad"),
        ("finder with an error", "methods:list", {}, "?malgrupp=finns-inte"),
        ("no match", "methods:list", {}, "?malgrupp=nyanlanda"),
        ("method", "methods:detail", {"slug": content.method.slug}, ""),
        ("how we assess evidence", "methods:evidence", {}, ""),
        ("methods in use", "registry:in_use", {}, ""),
        ("case study with figures", "casestudies:detail", {"slug": content.case_study.slug}, ""),
        ("region", "stats:region", {"code": content.municipality.region.code}, ""),
        ("municipality", "stats:municipality", {"code": content.municipality.code}, ""),
        ("Artikelsök with method facets", "search:results", {}, "?typ=metoder&fas=under-gymnasiet"),
    ]:
        path = url_in(language, name, kwargs) + query
        response = page.goto(f"{live_server.url}{path}")
        assert response.status < 500, path
        assert page.locator("html").get_attribute("lang") == language
        assert_no_violations(page, f"{label} {path}")
        checked.append(label)
    assert len(checked) == 12
