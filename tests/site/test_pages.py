"""The public pages in both languages: home, lists, details, about; breadcrumbs and languages."""

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

from .html import page, text

# (Swedish path, English path, the factory of what it lists)
SECTIONS = {
    "methods": ("/metoder/", "/en/methods/", MethodFactory),
    "research": ("/forskning/", "/en/research/", PublicationFactory),
    "casestudies": ("/fallstudier/", "/en/case-studies/", CaseStudyFactory),
    "news": ("/aktuellt/", "/en/news/", ArticleFactory),
}
DETAIL_FACTORIES = {
    "method": (MethodFactory, "/metoder/", "/en/methods/"),
    "publication": (PublicationFactory, "/forskning/", "/en/research/"),
    "summary": (ResearchSummaryFactory, "/forskning/", "/en/research/"),
    "casestudy": (CaseStudyFactory, "/fallstudier/", "/en/case-studies/"),
    "news": (ArticleFactory, "/aktuellt/", "/en/news/"),
    "page": (lambda **kw: ArticleFactory(kind=PAGE, **kw), "/om/", "/en/about/"),
}


def breadcrumbs(response) -> list[tuple[str, str | None]]:
    nav = page(response).find("nav", **{"class": "breadcrumbs wrap"})
    items = []
    for item in nav.children[1].children:  # the <ol>'s <li>s
        inner = item.children[0]
        items.append((" ".join(inner.text.split()), inner.get("href")))
    return items


def switcher(response) -> dict[str, str | None]:
    """Language code -> where the switcher sends you (None for the current language)."""
    nav = page(response).find("nav", **{"class": "language-switcher"})
    links = {}
    for item in nav.children[0].children:
        inner = item.children[0]
        links[inner.get("lang")] = inner.get("href")
    return links


# Home ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_home_has_welcome_search_and_every_kind_of_example_in_swedish(client):
    MethodFactory(title_sv="Metoden")
    CaseStudyFactory(title_sv="Fallet Partille")
    PublicationFactory(title_sv="Avbrott i gymnasiet", year=2009)
    ResearchSummaryFactory(title_sv="Forskningen i korthet")
    ArticleFactory(title_sv="Nyheten")
    response = client.get("/")
    parsed = page(response)
    assert parsed.html_lang == "sv"
    assert parsed.find("h1").text.strip() == "Välkommen till PlugInnovation"
    search_forms = [form for form in parsed.find_all("form") if form.get("role") == "search"]
    assert search_forms and all(form.get("action") == "/sok/" for form in search_forms)
    body = text(response)
    for heading in [
        "Senaste artiklar",
        "Exempel på fallstudier",
        "Exempel på litteratur",
        "Exempel på forskningssammanfattningar",
        "Aktuellt",
    ]:
        assert heading in [title for _level, title in parsed.headings()], heading
    for title in [
        "Metoden",
        "Fallet Partille",
        "Avbrott i gymnasiet",
        "Forskningen i korthet",
        "Nyheten",
    ]:
        assert title in body
    assert "Möllås, G., 2009" in body
    assert "Du är här" not in body  # no breadcrumbs on the home page


@pytest.mark.django_db
def test_the_english_home_is_the_about_plug_innovation_landing_page(client):
    MethodFactory(title_en="The method")
    response = client.get("/en/")
    parsed = page(response)
    assert parsed.html_lang == "en"
    assert parsed.find("h1").text.strip() == "About PlugInnovation"
    assert "This works!" in text(response)
    assert "The method" in text(response)
    assert all(form.get("action") == "/en/search/" for form in parsed.find_all("form"))


@pytest.mark.django_db
def test_home_shows_news_in_its_own_column_and_not_again_among_the_latest_articles(client):
    MethodFactory(title_sv="Metoden")
    ArticleFactory(title_sv="Nyheten")
    latest = page(client.get("/")).find("section", **{"aria-labelledby": "latest-heading"})
    assert "Metoden" in latest.text
    assert "Nyheten" not in latest.text
    assert text(client.get("/")).count("Nyheten") == 1


@pytest.mark.django_db
def test_home_lists_no_article_twice(client):
    ResearchSummaryFactory(title_sv="Sammanfattningen")
    for n in range(4):  # three in their own section, the oldest among the latest articles
        CaseStudyFactory(title_sv=f"Fallstudie {n}")
    body = text(client.get("/"))
    assert body.count("Sammanfattningen") == 1
    assert [body.count(f"Fallstudie {n}") for n in range(4)] == [1, 1, 1, 1]


@pytest.mark.django_db
def test_the_home_search_limits_to_one_content_type_at_a_time(client):
    choices = page(client.get("/")).find_all("input", name="typ")
    assert {choice.get("type") for choice in choices} == {"radio"}
    assert [choice.get("value") for choice in choices] == [
        "",
        "metoder",
        "forskning",
        "fallstudier",
        "aktuellt",
        "information",
    ]
    assert [choice.get("value") for choice in choices if "checked" in choice.attrs] == [""]


@pytest.mark.django_db
def test_home_shows_empty_sections_calmly(client):
    assert "Här finns inget ännu." in text(client.get("/"))
    assert "There is nothing here yet." in text(client.get("/en/"))


# Lists -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("section", SECTIONS)
def test_each_list_answers_in_both_languages_with_breadcrumbs(client, section):
    swedish_path, english_path, factory = SECTIONS[section]
    factory(title_sv="Svensk titel", title_en="English title")
    swedish, english = client.get(swedish_path), client.get(english_path)
    assert swedish.status_code == english.status_code == 200
    assert page(swedish).html_lang == "sv" and page(english).html_lang == "en"
    assert "Svensk titel" in text(swedish) and "English title" in text(english)
    assert "Du är här:" in text(swedish) and "You are here:" in text(english)
    assert breadcrumbs(swedish) == [("Startsida", "/"), (page(swedish).find("h1").text, None)]
    assert breadcrumbs(english)[0] == ("Home", "/en/")
    assert switcher(swedish) == {"sv": None, "en": english_path}
    assert switcher(english) == {"sv": swedish_path, "en": None}


@pytest.mark.django_db
@pytest.mark.parametrize("section", SECTIONS)
def test_an_empty_list_says_so(client, section):
    swedish_path, english_path, _factory = SECTIONS[section]
    assert "Här finns inget ännu." in text(client.get(swedish_path))
    assert "There is nothing here yet." in text(client.get(english_path))


@pytest.mark.django_db
@pytest.mark.parametrize("section", SECTIONS)
def test_lists_are_paginated_and_the_links_keep_the_query(client, section):
    swedish_path, english_path, factory = SECTIONS[section]
    for _ in range(settings.PAGE_SIZE + 2):
        factory()
    first = client.get(swedish_path, {"utm": "x"})
    assert len(first.context["page_obj"].object_list) == settings.PAGE_SIZE
    nav = page(first).find("nav", **{"class": "pagination"})
    assert "Sida 1 av 2" in " ".join(nav.text.split())
    next_link = page(first).find("a", rel="next").get("href")
    assert next_link == "?utm=x&page=2"
    second = client.get(swedish_path + next_link)
    assert second.status_code == 200
    assert len(second.context["page_obj"].object_list) == 2
    assert page(second).find("a", rel="prev").get("href") == "?utm=x&page=1"
    assert not page(second).find_all("a", rel="next")
    assert switcher(second)["en"] == f"{english_path}?utm=x&page=2"


@pytest.mark.django_db
@pytest.mark.parametrize("bad_page", ["99", "abc", "-1", "0"])
def test_a_page_number_out_of_range_is_a_404_not_an_error(client, bad_page):
    MethodFactory()
    assert client.get("/metoder/", {"page": bad_page}).status_code == 404


@pytest.mark.django_db
def test_the_menu_marks_the_current_section(client):
    method = MethodFactory()
    on_list = page(client.get("/metoder/")).find("a", href="/metoder/")
    assert on_list.get("aria-current") == "page"
    on_detail = page(client.get(method.get_absolute_url())).find("nav", **{"class": "main-nav"})
    marked = [a for a in on_detail.children[0].children if a.children[0].get("aria-current")]
    assert [(a.children[0].get("href"), a.children[0].get("aria-current")) for a in marked] == [
        ("/metoder/", "true")
    ]
    home = page(client.get("/")).find("nav", **{"class": "main-nav"})
    assert not [li for li in home.children[0].children if li.children[0].get("aria-current")]


@pytest.mark.django_db
def test_research_lists_literature_and_summaries_together(client):
    PublicationFactory(title_sv="En bok")
    ResearchSummaryFactory(title_sv="En sammanfattning")
    body = text(client.get("/forskning/"))
    assert "En bok" in body and "En sammanfattning" in body


# Details -----------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("kind", DETAIL_FACTORIES)
def test_every_detail_page_answers_in_both_languages_with_breadcrumbs(client, kind):
    factory, swedish_section, english_section = DETAIL_FACTORIES[kind]
    article = factory(slug="artikeln", title_sv="Svensk rubrik", title_en="English heading")
    assert article.get_absolute_url() == f"{swedish_section}artikeln/"
    swedish = client.get(f"{swedish_section}artikeln/", {"q": "1"})
    english = client.get(f"{english_section}artikeln/")
    assert swedish.status_code == english.status_code == 200
    assert page(swedish).find("h1").text == "Svensk rubrik"
    assert page(english).find("h1").text == "English heading"
    assert page(swedish).html_lang == "sv" and page(english).html_lang == "en"
    crumbs = breadcrumbs(swedish)
    assert crumbs[0] == ("Startsida", "/")
    assert crumbs[1][1] == swedish_section
    assert crumbs[2] == ("Svensk rubrik", None)
    assert breadcrumbs(english)[1][1] == english_section
    assert switcher(swedish)["en"] == f"{english_section}artikeln/?q=1"
    assert switcher(english)["sv"] == f"{swedish_section}artikeln/"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", DETAIL_FACTORIES)
def test_every_detail_page_shows_related_articles_by_shared_tags(client, kind):
    factory = DETAIL_FACTORIES[kind][0]
    article = factory(tags=["mentorskap", "frånvaro"])
    closest = PublicationFactory(title_sv="Delar två taggar", tags=["mentorskap", "frånvaro"])
    further = CaseStudyFactory(title_sv="Delar en tagg", tags=["frånvaro"])
    MethodFactory(title_sv="Delar ingen tagg", tags=["studiestöd"])
    response = client.get(article.get_absolute_url())
    assert [item.pk for item in response.context["similar_articles"]] == [closest.pk, further.pk]
    section = page(response).find("section", **{"aria-labelledby": "similar-heading"})
    assert "Relaterade artiklar" in section.text
    assert "Delar två taggar" in section.text and "Delar ingen tagg" not in section.text


@pytest.mark.django_db
def test_a_method_shows_its_linked_case_study_and_the_case_study_its_method(client):
    method = MethodFactory(title_sv="Utökat mentorskap")
    case = CaseStudyFactory(title_sv="Härryda")
    method.related_articles.add(case)
    method_page = client.get(method.get_absolute_url())
    linked = page(method_page).find("section", **{"aria-labelledby": "linked-heading"})
    assert "Härryda" in linked.text
    case_page = client.get(case.get_absolute_url())
    linked = page(case_page).find("section", **{"aria-labelledby": "linked-heading"})
    assert "Utökat mentorskap" in linked.text
    # Not headed "Metoder": other kinds of article link to case studies too.
    assert page(case_page).by_id("linked-heading").text == "Länkade artiklar"
    assert page(method_page).by_id("facts-heading").text == "Metoden i korthet"
    assert "Partille" in text(case_page)  # the municipality


@pytest.mark.django_db
def test_a_research_summary_lists_its_publications(client):
    book = PublicationFactory(title_sv="Avbrott i gymnasiet", year=2009)
    summary = ResearchSummaryFactory()
    summary.publications.add(book)
    response = client.get(summary.get_absolute_url())
    section = page(response).find("section", **{"aria-labelledby": "publications-heading"})
    # The publication's reference in APA 7, linking to its page.
    assert "Möllås, G. (2009). Avbrott i gymnasiet." in " ".join(section.text.split())
    assert f'<a href="{book.get_absolute_url()}">Möllås' in response.content.decode()


@pytest.mark.django_db
def test_a_method_shows_its_facts_in_the_visitors_language(client):
    method = MethodFactory(
        terms={"intervention_type": ["mentorskap"], "phase": ["overgang"]},
        cost_sv="Två tjänster.",
        cost_en="Two posts.",
        contact_email="mentor@example.se",
    )
    swedish = text(client.get(method.get_absolute_url()))
    english = text(client.get(f"/en/methods/{method.slug}/"))
    assert "Mentorskap och coachning" in swedish and "Två tjänster." in swedish
    assert "Mentoring and coaching" in english and "Two posts." in english
    assert "mentor@example.se" in english


# Fallback to the other language -------------------------------------------------------------


@pytest.mark.django_db
def test_a_swedish_only_article_falls_back_on_the_english_site_and_says_so(client):
    method = MethodFactory(title_en="", summary_en="", body_en="", title_sv="Bara svenska")
    response = client.get(f"/en/methods/{method.slug}/")
    parsed = page(response)
    heading = parsed.find("h1")
    assert heading.text == "Bara svenska" and heading.get("lang") == "sv"
    notice = parsed.find("p", **{"class": "fallback-notice"})
    assert notice.text == "Only available in Swedish" and notice.get("lang") == "en"
    assert parsed.find("div", **{"class": "prose"}).get("lang") == "sv"
    assert parsed.find("p", **{"class": "lead"}).get("lang") == "sv"
    assert parsed.html_lang == "en"
    # The card in a list says so too.
    card = page(client.get("/en/methods/")).find("article", **{"class": "card method-card"})
    assert "Only available in Swedish" in card.text


@pytest.mark.django_db
def test_an_english_only_article_says_so_on_the_swedish_site(client):
    method = MethodFactory(title_sv="", summary_sv="", body_sv="", title_en="English only")
    parsed = page(client.get(method.get_absolute_url()))
    assert parsed.find("h1").get("lang") == "en"
    assert parsed.find("p", **{"class": "fallback-notice"}).text == "Finns bara på engelska"


@pytest.mark.django_db
def test_a_text_missing_in_english_is_marked_even_when_the_title_is_translated(client):
    method = MethodFactory(title_en="Translated title", body_en="")
    parsed = page(client.get(f"/en/methods/{method.slug}/"))
    assert parsed.find("h1").get("lang") == "en"
    assert parsed.find("div", **{"class": "prose"}).get("lang") == "sv"
    assert parsed.find("p", **{"class": "fallback-notice"}).text == "Only available in Swedish"


@pytest.mark.django_db
def test_a_fully_translated_article_has_no_fallback_notice(client):
    method = MethodFactory()
    for path in (method.get_absolute_url(), f"/en/methods/{method.slug}/"):
        assert not page(client.get(path)).find_all("p", **{"class": "fallback-notice"})


# About -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_about_shows_the_about_page_and_links_the_other_information_pages(client):
    ArticleFactory(
        kind=PAGE,
        slug="om-plug-in",
        title_sv="Om Plug In",
        title_en="About Plug In",
        body_sv="Plug In var ett **ESF-projekt**.",
        body_en="",
    )
    other = ArticleFactory(kind=PAGE, slug="framgangsfaktorer", title_sv="Framgångsfaktorer")
    response = client.get("/om/")
    parsed = page(response)
    assert parsed.find("h1").text == "Om Plug In"
    assert "<strong>ESF-projekt</strong>" in response.content.decode()
    assert parsed.find("a", href=other.get_absolute_url()).text == "Framgångsfaktorer"
    assert breadcrumbs(response) == [("Startsida", "/"), ("Om Plug In", None)]
    other_url = other.get_absolute_url()
    english = client.get("/en/about/")
    assert page(english).find("h1").text == "About Plug In"
    assert page(english).find("div", **{"class": "prose"}).get("lang") == "sv"
    other_page = client.get(other_url)
    assert breadcrumbs(other_page)[1] == ("Om Plug In", "/om/")


@pytest.mark.django_db
def test_about_without_content_still_answers(client):
    response = client.get("/en/about/")
    assert response.status_code == 200
    assert page(response).find("h1").text == "About Plug In"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "swedish, english",
    [
        ("/metoder/", "/en/methods/"),
        ("/forskning/", "/en/research/"),
        ("/fallstudier/", "/en/case-studies/"),
        ("/aktuellt/", "/en/news/"),
        ("/om/", "/en/about/"),
        ("/kontakt/", "/en/contact/"),
        ("/", "/en/"),
    ],
)
def test_every_page_has_its_translated_address_and_the_switcher_pairs_them(
    client, swedish, english
):
    assert switcher(client.get(swedish)) == {"sv": None, "en": english}
    assert switcher(client.get(english)) == {"sv": swedish, "en": None}
