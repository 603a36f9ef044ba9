"""WCAG 2.1 AA 1.4.10 Reflow: at 320–375 CSS px nothing scrolls the page sideways, in both languages.

Long Swedish words ("Tillgänglighetsredogörelse", "forskningssammanfattningar") wrap, the
indicator <select> shrinks to the screen, wide tables scroll inside their own (focusable, named)
box with the caption kept in view, and the charts' labels stay legible on a phone.
"""

import pytest

from .content import make_content, url_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Five municipalities side by side: the widest table the site draws.
COMPARED = ["0114", "1480", "0180", "1280", "2580"]

PAGE_WIDTH = """() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    // What sticks out, to say why in the failure message.
    wider: [...document.querySelectorAll('body *')]
        .filter(el => el.getBoundingClientRect().right > window.innerWidth + 0.5
            && !el.closest('.table-scroll'))
        .slice(0, 5)
        .map(el => el.tagName + ' ' + (el.textContent || '').trim().slice(0, 60)),
})"""


def pages(content) -> list[str]:
    region = content.municipality.region.code
    municipality = content.municipality.code
    compare = "?" + "&".join(f"m={code}" for code in COMPARED)
    paths = []
    for language in ("sv", "en"):
        for name, kwargs, query in [
            ("home", {}, ""),
            ("accessibility", {}, ""),
            ("stats:overview", {}, ""),
            ("stats:region", {"code": region}, ""),
            ("stats:municipality", {"code": municipality}, ""),
            ("stats:compare", {}, compare),
            ("methods:detail", {"slug": content.method.slug}, ""),
            ("methods:list", {}, "?malgrupp=elever-i-riskzon"),
            ("methods:list", {}, "?vy=tabell"),
            ("methods:evidence", {}, ""),
            ("registry:in_use", {}, ""),
            ("casestudies:detail", {"slug": content.case_study.slug}, ""),
            ("search:results", {}, "?q=mentorskap"),
            ("search:results", {}, "?typ=metoder"),
        ]:
            path = url_in(language, name, kwargs)
            if path is not None:
                paths.append(path + query)
    return paths


@pytest.mark.parametrize("width", [375, 320])
def test_no_page_scrolls_sideways_on_a_phone(live_server, page, width):
    content = make_content()
    page.set_viewport_size({"width": width, "height": 800})
    paths = pages(content)
    assert (
        "/tillganglighet/" in paths and "/en/statistics/" in paths and "/sok/?q=mentorskap" in paths
    )
    too_wide = []
    for path in paths:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        measured = page.evaluate(PAGE_WIDTH)
        if measured["scrollWidth"] > measured["innerWidth"]:
            too_wide.append(f"{path}: {measured['scrollWidth']}px {measured['wider']}")
    assert not too_wide, f"wider than {width}px:\n" + "\n".join(too_wide)


def test_statistics_on_a_phone_have_legible_charts_and_tables_that_scroll_in_their_own_box(
    live_server, page
):
    content = make_content()
    page.set_viewport_size({"width": 375, "height": 800})
    municipality = url_in("sv", "stats:municipality", {"code": content.municipality.code})
    page.goto(f"{live_server.url}{municipality}")
    # The visible drawing of each chart is the compact one, and its labels are at least 11 px.
    charts = page.evaluate(
        """() => [...document.querySelectorAll('svg.chart')]
            .filter(svg => svg.getBoundingClientRect().width > 0)
            .map(svg => {
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                const label = svg.querySelector('.chart-label');
                return [svg.getAttribute('class'), parseFloat(getComputedStyle(label).fontSize) * scale];
            })"""
    )
    assert len(charts) == 4, charts
    for css, label_px in charts:
        assert "chart-compact" in css
        assert label_px >= 11, charts

    compare = url_in("sv", "stats:compare", {}) + "?" + "&".join(f"m={c}" for c in COMPARED)
    page.goto(f"{live_server.url}{compare}")
    boxes = page.evaluate(
        """() => [...document.querySelectorAll('.table-scroll')].map(box => {
            const caption = box.querySelector('caption').getBoundingClientRect();
            const shown = box.getBoundingClientRect();
            const style = getComputedStyle(box);
            return {scrolls: box.scrollWidth > box.clientWidth,
                    captionInside: caption.left >= shown.left - 0.5 && caption.right <= shown.right + 0.5,
                    background: style.backgroundImage,
                    left: style.borderLeftColor, right: style.borderRightColor};
        })"""
    )
    assert len(boxes) == 4
    transparent = "rgba(0, 0, 0, 0)"
    for box in boxes:
        assert box["scrolls"]  # five municipalities do not fit: the table scrolls, not the page
        assert box["captionInside"]  # the caption wraps inside what is shown, never cut off
        # The cue that there is more: the box's right edge (nothing drawn under the text), and
        # none on the left before the table has scrolled.
        assert box["background"] == "none"
        assert box["right"] != transparent and box["left"] == transparent

    # The scroll box is reached with the keyboard, named by the caption, and scrolls with the arrows.
    region = page.locator(".table-scroll").first
    region.focus()
    assert page.evaluate("document.activeElement.getAttribute('role')") == "region"
    caption = region.locator("caption").inner_text()
    assert page.get_by_role("region", name=caption).count() == 1
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.table-scroll').scrollLeft > 0")
    # Scrolled, the caption is still in view.
    left = page.evaluate(
        "document.querySelector('.table-scroll caption').getBoundingClientRect().left"
    )
    assert left >= 0
    # Scrolled to the end, the cue moves to the left edge (from the next frame on).
    page.evaluate(
        "(box => box.scrollLeft = box.scrollWidth)(document.querySelector('.table-scroll'))"
    )
    page.wait_for_function(
        "(s => s.borderRightColor === 'rgba(0, 0, 0, 0)')"
        "(getComputedStyle(document.querySelector('.table-scroll')))",
        timeout=5000,
    )
    left_edge = page.evaluate(
        "getComputedStyle(document.querySelector('.table-scroll')).borderLeftColor"
    )
    assert left_edge != transparent
