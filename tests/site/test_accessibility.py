"""Accessibility basics of every page, and the strict-CSP rule: no inline scripts or styles."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from content.models import PAGE
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    PublicationFactory,
    ResearchSummaryFactory,
)

from .html import page

TEMPLATES = Path(settings.BASE_DIR) / "templates"
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def all_templates() -> list[Path]:
    return sorted(TEMPLATES.rglob("*.html"))


def test_the_template_folder_is_found():
    assert len(all_templates()) > 10


@pytest.mark.parametrize("template", all_templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_styles_scripts_or_event_handlers(template):
    source = template.read_text()
    assert 'style="' not in source and "style='" not in source
    assert not INLINE_SCRIPT.search(source), "a <script> without src (an inline body)"
    assert not EVENT_HANDLER.search(source), "an inline event handler"


@pytest.fixture
def site_with_content(db):
    tags = ["mentorskap"]
    made = {
        "method": MethodFactory(tags=tags, cost_sv="Två tjänster.", contact_name="Anna"),
        "publication": PublicationFactory(tags=tags),
        "summary": ResearchSummaryFactory(tags=tags),
        "casestudy": CaseStudyFactory(tags=tags, team_sv="Kurator och studievägledare."),
        "news": ArticleFactory(tags=tags),
        "page": ArticleFactory(kind=PAGE, slug="om-plug-in", tags=tags),
    }
    made["summary"].publications.add(made["publication"])
    made["method"].related_articles.add(made["casestudy"])
    # A Swedish-only article, so fallback notices are on the English pages too.
    MethodFactory(title_en="", summary_en="", body_en="", tags=tags)
    return made


def pages_to_check(made) -> list[str]:
    swedish = ["/", "/metoder/", "/forskning/", "/fallstudier/", "/aktuellt/", "/om/", "/kontakt/"]
    swedish += [article.get_absolute_url() for article in made.values()]
    english = ["/en" + path for path in swedish[1:]]  # the same pages under /en/ ...
    english = [
        path.replace("/metoder/", "/methods/")
        .replace("/forskning/", "/research/")
        .replace("/fallstudier/", "/case-studies/")
        .replace("/aktuellt/", "/news/")
        .replace("/om/", "/about/")
        .replace("/kontakt/", "/contact/")
        for path in english
    ]
    return [*swedish, "/en/", *english, "/finns-inte/", "/en/nowhere/"]


def check_page(client, path):
    response = client.get(path)
    assert response.status_code in {200, 404}, path
    parsed = page(response)
    problems = []
    levels = [level for level, _text in parsed.headings()]
    if levels.count(1) != 1 or levels[0] != 1:
        problems.append(f"one h1, first: {levels}")
    for before, after in zip(levels, levels[1:], strict=False):
        if after > before + 1:
            problems.append(f"heading skips from h{before} to h{after}: {levels}")
            break
    for landmark in ("header", "nav", "main", "footer"):
        if not parsed.find_all(landmark):
            problems.append(f"no <{landmark}>")
    if len(parsed.find_all("main")) != 1:
        problems.append("more than one <main>")
    labels = {label.get("for") for label in parsed.find_all("label")}
    wrapped = {
        child.get("id") or id(child)
        for label in parsed.find_all("label")
        for child in label.children
        if child.tag in {"input", "select", "textarea"}
    }
    for field in parsed.find_all("input") + parsed.find_all("select") + parsed.find_all("textarea"):
        if field.get("type") in {"hidden", "submit", "button"}:
            continue
        if (
            field.get("id") not in labels
            and field.get("id") not in wrapped
            and not field.get("aria-label")
        ):
            problems.append(f"unlabelled field {field.attrs}")
    for image in parsed.find_all("img"):
        if image.get("alt") is None:
            problems.append(f"image without alt {image.attrs}")
    for nav in parsed.find_all("nav"):
        if not nav.get("aria-label") and not nav.get("aria-labelledby"):
            problems.append(f"unnamed <nav> {nav.attrs}")
    ids = [element.get("id") for element in parsed.elements if element.get("id")]
    duplicates = {value for value in ids if ids.count(value) > 1}
    if duplicates:
        problems.append(f"duplicate ids {duplicates}")
    for element in parsed.elements:
        labelled_by = element.get("aria-labelledby") or element.get("aria-describedby")
        for target in (labelled_by or "").split():
            if target not in ids:
                problems.append(f"aria reference to a missing id {target}")
    return problems


@pytest.mark.django_db
def test_every_page_has_one_h1_ordered_headings_landmarks_and_labels(client, site_with_content):
    problems = {}
    for path in pages_to_check(site_with_content):
        found = check_page(client, path)
        if found:
            problems[path] = found
    assert problems == {}


@pytest.mark.django_db
def test_a_contact_form_with_errors_keeps_its_references_right(client):
    response = client.post("/en/contact/", {"name": "", "email": "x"})
    parsed = page(response)
    ids = {element.get("id") for element in parsed.elements}
    for field in parsed.find_all("input") + parsed.find_all("textarea"):
        for target in (field.get("aria-describedby") or "").split():
            assert target in ids


@pytest.mark.django_db
@pytest.mark.parametrize("path, language", [("/", "sv"), ("/en/", "en"), ("/en/contact/", "en")])
def test_every_page_names_its_language_and_offers_a_skip_link(client, path, language):
    parsed = page(client.get(path))
    assert parsed.html_lang == language
    skip = parsed.find("a", **{"class": "skip-link"})
    assert skip.get("href") == "#content" and parsed.find("main").get("id") == "content"


# Elements that are landmarks whatever their name (a <section> only with one, a form by its role).
LANDMARK_TAGS = {
    "nav": "navigation",
    "aside": "complementary",
    "header": "banner",
    "footer": "contentinfo",
    "main": "main",
}
# A date, or a date and time whose seconds have at most three decimals (HTML's rule).
VALID_DATE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?([+-]\d{2}:?\d{2}|Z))?$"
)


def landmarks(parsed) -> list[tuple[str, str]]:
    """(role, accessible name) of every landmark, the name from aria-label or aria-labelledby."""
    texts = {element.get("id"): " ".join(element.text.split()) for element in parsed.elements}
    found = []
    for element in parsed.elements:
        role = element.get("role") or LANDMARK_TAGS.get(element.tag)
        if element.tag == "section" and element.get("aria-labelledby"):
            role = "region"
        if element.tag in {"header", "footer"} and not (element.get("class") or "").startswith(
            "site-"
        ):
            continue  # an article's own <header> or <footer> is no landmark
        if role not in {*LANDMARK_TAGS.values(), "search", "region"}:
            continue
        name = element.get("aria-label") or " ".join(
            texts.get(ref, "") for ref in (element.get("aria-labelledby") or "").split()
        )
        found.append((role, name))
    return found


@pytest.mark.django_db
def test_landmarks_of_one_kind_have_distinct_names_and_dates_are_valid(client, site_with_content):
    problems = {}
    for path in [*pages_to_check(site_with_content), "/sok/?q=mentorskap", "/en/search/"]:
        parsed = page(client.get(path))
        found = landmarks(parsed)
        for role in {role for role, _name in found}:
            names = [name for other, name in found if other == role]
            if len(names) > 1 and (len(set(names)) < len(names) or "" in names):
                problems.setdefault(path, []).append(f"{role}: {names}")
        assert ("search", "Sök på webbplatsen") in found or ("search", "Search the site") in found
        for time in parsed.find_all("time"):
            if not VALID_DATE.match(time.get("datetime") or ""):
                problems.setdefault(path, []).append(f"datetime {time.get('datetime')}")
    assert problems == {}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/en/methods/"])
def test_the_menu_folds_behind_a_button_that_works_without_javascript(client, path):
    parsed = page(client.get(path))
    toggle = parsed.find("details", **{"class": "menu-toggle"})
    summary = toggle.children[0]
    assert summary.tag == "summary" and summary.text.strip() in {"Meny", "Menu"}
    menu = parsed.by_id(summary.get("aria-controls"))
    # The menu is the button's next sibling (site.css shows it when the <details> is open) and
    # holds the main menu, the language and account links and the search.
    header = parsed.find("header", **{"class": "site-header"})
    bar = header.children[0]
    assert bar.children.index(menu) == bar.children.index(toggle) + 1
    inside = {(e.tag, e.get("class")) for e in menu_descendants(menu)}
    assert {("nav", "main-nav"), ("nav", "language-switcher"), ("nav", "account-nav")} <= inside
    assert ("form", "header-search") in inside


def menu_descendants(element):
    for child in element.children:
        yield child
        yield from menu_descendants(child)
