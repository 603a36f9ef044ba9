"""On a phone (375 px) and by keyboard: a compact header whose menu opens without JavaScript,
the results of Artikelsök and Forskning before their filters, the statistics map passed in a
handful of Tab presses, targets of at least 24 × 24 px, landmarks with distinct names, and
table contrast that a checker can determine."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .content import make_content, page_types, url_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}
AXE = Axe()
# WCAG 2.1 AA, and from WCAG 2.2 AA the target size, and distinct landmark names (best practice).
RULES = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "rules": {"landmark-unique": {"enabled": True}},
}
HEADER_MOST_PX = 80  # the brand and the menu button on one row


def header_height(page) -> float:
    return page.evaluate(
        "document.querySelector('header.site-header').getBoundingClientRect().height"
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_page_type_on_a_phone_has_a_compact_header_and_no_violations(
    live_server, page, language
):
    content = make_content()
    page.set_viewport_size(PHONE)
    checked = []
    for label, name, kwargs in page_types(content):
        path = url_in(language, name, kwargs)
        if path is None:
            continue
        response = page.goto(f"{live_server.url}{path}")
        assert response.status < 500, path
        height = header_height(page)
        assert height <= HEADER_MOST_PX, f"{label}: header {height}px"
        results = AXE.run(page, options=RULES)
        assert results.violations_count == 0, f"{label} {path}\n{results.generate_report()}"
        checked.append(label)
    assert len(checked) >= 20, checked
    print(language, "header at 375 px:", header_height(page), "px;", len(checked), "page types")


def test_the_menu_button_opens_the_menu_by_keyboard_and_without_javascript(browser, live_server):
    make_content(statistics=False)
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/")
    menu = page.get_by_role("navigation", name="Huvudmeny")
    assert not menu.is_visible()
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the home link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    assert page.evaluate("document.activeElement.textContent.trim()") == "Meny"
    page.keyboard.press("Enter")
    assert menu.is_visible()
    assert page.get_by_role("search", name="Sök på webbplatsen").is_visible()
    # The menu pushes the page down instead of covering it, and folds again.
    page.keyboard.press("Enter")
    assert not menu.is_visible()
    assert header_height(page) <= HEADER_MOST_PX
    context.close()


@pytest.mark.parametrize(
    ("name", "query", "results", "chosen"),
    [
        ("search:results", "?q=mentorskap&typ=metoder", ".result-list > li", "1 vald"),
        ("research:list", "?innehall=litteratur&oppen=ja", ".card-list > li", "2 valda"),
    ],
)
def test_results_come_before_the_filters_on_a_phone(
    live_server, page, name, query, results, chosen
):
    make_content(statistics=False)
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{url_in('sv', name, {})}{query}")
    first_result = page.locator(results).first.bounding_box()
    filters = page.locator("#filters").bounding_box()
    assert first_result["y"] < PHONE["height"], "the first result is on the first screen"
    assert first_result["y"] < filters["y"]
    # The Filter link says how many filters are chosen and takes the visitor to them.
    link = page.get_by_role("link", name=f"Filtrera ({chosen})")
    link.click()
    page.wait_for_function("document.querySelector('#filters').getBoundingClientRect().top < 10")
    assert page.url.endswith("#filters")
    page.get_by_role("link", name="Tillbaka till resultaten").click()
    page.wait_for_function("document.querySelector('#results').getBoundingClientRect().top < 10")
    print("first result at", first_result["y"], "px, filters at", filters["y"], "px")


def focused(page) -> str:
    return page.evaluate(
        "document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"
    )


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}])
def test_the_map_is_passed_in_a_handful_of_tab_presses(live_server, page, viewport):
    make_content()
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}{url_in('sv', 'stats:overview', {})}")
    show = page.locator("form.stats-form button[type=submit]")
    show.focus()
    presses = 0
    while focused(page) != "Alla kommuner som tabell" and presses < 20:
        page.keyboard.press("Tab")
        presses += 1
    assert focused(page) == "Alla kommuner som tabell"
    # The indicator's definition, the skip link, the map (one stop), the licence, CSV and JSON.
    assert presses <= 7, presses
    print(viewport["width"], "px: from the form to the table in", presses, "Tab presses")

    # Or at once: the skip link right before the map.
    show.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page) == "Hoppa över kartan: alla kommuner som tabell"
    page.keyboard.press("Enter")
    assert focused(page) == "Alla kommuner som tabell"
    page.keyboard.press("Enter")
    assert page.locator(".stats-table-details table").is_visible()


def test_the_arrow_keys_move_between_municipalities_on_the_map(live_server, page):
    make_content()
    page.goto(f"{live_server.url}{url_in('en', 'stats:overview', {})}")
    page.locator(".map-skip a").focus()
    page.keyboard.press("Tab")  # the map
    first = focused(page)
    assert page.evaluate("document.activeElement.closest('svg.map') !== null"), first
    visited = [first]
    for key in ["ArrowUp", "ArrowUp", "ArrowRight", "ArrowDown", "ArrowLeft"]:
        page.keyboard.press(key)
        visited.append(focused(page))
    assert len(set(visited)) >= 4, visited
    # The municipality reached is the map's one tab stop, and is named beside the map.
    assert page.locator("svg.map a[tabindex='0']").count() == 1
    assert page.locator(".map-focused").inner_text() == visited[-1]
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.closest('svg.map')")
    page.keyboard.press("Shift+Tab")
    assert focused(page) == visited[-1]


def test_statistics_tables_leave_no_contrast_to_review(live_server, page):
    content = make_content()
    region = content.municipality.region.code
    for name, kwargs, query in [
        ("stats:region", {"code": region}, ""),
        ("stats:municipality", {"code": content.municipality.code}, ""),
        ("stats:compare", {}, "?m=1402&m=1441&m=0114"),
    ]:
        page.goto(f"{live_server.url}{url_in('sv', name, kwargs)}{query}")
        results = AXE.run(page, options={"runOnly": {"type": "rule", "values": ["color-contrast"]}})
        unsure = [
            node["target"]
            for rule in results.response["incomplete"]
            for node in rule["nodes"]
            # Text inside a chart is part of an image (its figures are in the table).
            if not any("svg" in part for part in node["target"])
        ]
        assert unsure == [], name
        assert page.evaluate(
            "[...document.querySelectorAll('.table-scroll')].every("
            "box => getComputedStyle(box).backgroundImage === 'none')"
        )
