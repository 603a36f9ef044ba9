"""Artikelsök understands Swedish as people type it: compounds, missing å/ä/ö, synonyms and
places, on whichever database the suite runs (SQLite or PostgreSQL)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from content.models import attach_tags
from search.analysis import compound_parts, fold, typed_variants
from search.api import run_search
from search.models import SynonymList
from search.places import places_in
from search.query import suggest
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db
QUIET = {"summary_sv": "", "body_sv": "", "summary_en": "", "body_en": ""}


def found(query: str, **params) -> list[str]:
    return [article.slug for article in run_search({"q": query, **params})]


def article(slug: str, title_sv: str = "Om annat", **fields):
    return ArticleFactory(slug=slug, title_sv=title_sv, title_en="", **{**QUIET, **fields})


def synonyms(language: str, groups: str) -> SynonymList:
    synonym_list = SynonymList(language=language, groups=groups)
    synonym_list.full_clean()
    synonym_list.save()
    return synonym_list


# The lexicon ---------------------------------------------------------------------------


def test_the_lexicon_splits_compounds_into_the_words_they_are_made_of():
    assert compound_parts("skolfrånvaro") == ("skol", "frånvaro")
    assert compound_parts("skolfrånvaron") == ("skol", "frånvaro")  # inflected ending
    assert compound_parts("studiestöd") == ("studie", "stöd")
    assert compound_parts("yrkesvägledning") == ("yrke", "vägledning")  # joining s
    assert compound_parts("informationsansvaret") == ("information", "ansvar")


def test_the_lexicon_leaves_words_that_are_no_compounds_alone():
    for word in ("frånvaro", "elever", "skolan", "partille", "mentorskap", "ab", "2009"):
        assert compound_parts(word) == ()


def test_folding_drops_diacritics_and_reads_ae_and_oe_as_a_and_o_umlaut():
    assert fold("Östergötland") == "Ostergotland"
    assert fold("frånvaro") == "franvaro"
    assert typed_variants("oestergoetland") == {"ostergotland"}
    assert typed_variants("partille") == set()


# Compounds -----------------------------------------------------------------------------


def test_a_word_finds_the_compounds_that_end_with_it():
    article("skol", body_sv="Skolfrånvaro är vanligt.")
    article("ogiltig", body_sv="Ogiltig frånvaro ska följas upp.")
    article("stod", body_sv="Studiestöd i matematik.")
    article("other", body_sv="Något helt annat.")
    assert sorted(found("frånvaro")) == ["ogiltig", "skol"]
    assert found("stöd") == ["stod"]


def test_a_compound_also_finds_its_parts_written_apart_ranked_below_the_compound():
    article("apart", title_sv="Frånvaro i skolan")
    article("compound", title_sv="Skolfrånvaro")
    article("half", title_sv="Frånvaro på jobbet")
    assert found("skolfrånvaro") == ["compound", "apart"]


def test_exact_and_whole_word_matches_rank_above_part_matches():
    article("part", title_sv="Studiestöd för alla")
    article("whole", title_sv="Stöd för alla")
    assert found("stöd") == ["whole", "part"]
    # Also when the part is in a short title, more relevant by the numbers alone than the
    # word itself once in a long summary.
    filler = " ".join(["Eleverna arbetar med annat i skolan."] * 12)
    article("summary", title_sv="Annat", summary_sv=f"{filler} Stöd till eleverna.")
    article("newest-part", title_sv="Helhetsstöd")
    ranking = found("stöd")
    assert ranking.index("summary") < ranking.index("newest-part")


def test_a_compound_in_a_tag_is_found_by_its_last_part():
    ArticleFactory(slug="tagged", tags=["Studiestöd"], **QUIET)
    assert found("stöd") == ["tagged"]


# Typed without å/ä/ö -------------------------------------------------------------------


def test_a_word_typed_without_its_diacritics_finds_the_same_articles_ranked_just_below():
    article("correct", title_sv="Frånvaro i Östergötland")
    article("ascii", title_sv="Franvaro skrivet utan prickar")
    article("other", title_sv="Närvaro")
    assert sorted(found("frånvaro")) == ["ascii", "correct"]
    assert sorted(found("franvaro")) == ["ascii", "correct"]
    # The word as typed ranks first; the other spelling just below it.
    assert found("franvaro") == ["ascii", "correct"]
    assert found("frånvaro") == ["correct", "ascii"]
    assert found("Ostergotland") == ["correct"]
    assert found("Oestergoetland") == ["correct"]


def shown(query: str) -> list:
    """The first page of results, as the results page reads them."""
    articles = list(run_search({"q": query})[:12])
    attach_tags(articles)
    return articles


def test_did_you_mean_offers_the_correct_spelling_of_a_word_typed_without_diacritics():
    article("correct", title_sv="Frånvaro i Östergötland")
    ArticleFactory(slug="tagged", tags=["Lärlingsutbildning"], **QUIET)
    assert suggest("franvaro", shown("franvaro")) == "frånvaro"
    assert suggest("Ostergotland", shown("Ostergotland")) == "Östergötland"
    assert suggest("Oestergoetland", shown("Oestergoetland")) == "Östergötland"
    assert suggest("larlingsutbildning", shown("larlingsutbildning")) == "lärlingsutbildning"
    assert suggest("frånvaro", shown("frånvaro")) is None


def test_the_results_page_finds_and_respells_a_word_typed_without_diacritics(client):
    article("correct", title_sv="Frånvaro i gymnasiet")
    response = client.get("/sok/", {"q": "franvaro"})
    assert [a.slug for a in response.context["articles"]] == ["correct"]
    assert "Menade du" in response.content.decode()
    assert response.context["suggestion"] == "frånvaro"


def test_did_you_mean_never_changes_a_number():
    PublicationFactory(
        slug="hattie",
        title_sv="Visible Learning",
        authors=[{"family": "Hattie", "given": "John"}],
        year=2009,
    )
    article("lp", title_sv="Grunderna för gymnasiets läroplan 2003")
    assert suggest("Hattie 2009") is None
    assert suggest("Hatie 2009") == "Hattie 2009"
    assert suggest("Hatie 2003") == "Hattie 2003"


def test_did_you_mean_suggests_from_titles_tags_and_authors():
    PublicationFactory(
        slug="hamre",
        title_sv="Instructional support",
        authors=[{"family": "Hamre", "given": "BK"}, {"family": "Pianta", "given": "RC"}],
        **QUIET,
    )
    ArticleFactory(slug="tagged", tags=["Lärlingsutbildning"], **QUIET)
    assert suggest("Piantta") == "Pianta"
    assert suggest("lärlingsutbilding") == "lärlingsutbildning"
    assert suggest("instructionall") == "instructional"


# Synonyms ------------------------------------------------------------------------------


def test_an_abbreviation_finds_its_long_form_and_the_long_form_the_abbreviation():
    synonyms("sv", "SYV, studie- och yrkesvägledare")
    article("long", title_sv="Träffa en studie- och yrkesvägledare")
    article("short", title_sv="Fråga din SYV")
    article("other", title_sv="Yrkesvägledare i kommunen")
    assert found("SYV") == ["short", "long"]  # the word typed first
    assert found('"studie- och yrkesvägledare"') == ["long", "short"]


def test_a_synonym_of_several_words_is_found_when_typed_without_quotes():
    synonyms("sv", "skolk, ogiltig frånvaro")
    article("skolk", title_sv="Skolk i gymnasiet")
    article("ogiltig", title_sv="Ogiltig frånvaro")
    assert found("ogiltig frånvaro") == ["ogiltig", "skolk"]
    assert found("skolk") == ["skolk", "ogiltig"]


def test_synonyms_apply_in_their_own_language_only():
    synonyms("en", "dropout, early school leaving")
    english = ArticleFactory(
        slug="english", title_sv="Om annat", title_en="Early school leaving", **QUIET
    )
    swedish = article("swedish", title_sv="Early school leaving")  # the words in Swedish text
    assert found("dropout") == [english.slug]
    assert swedish.slug not in found("dropout")


def test_the_results_page_says_which_synonyms_it_also_searched_for(client):
    synonyms("sv", "KIA, kommunala informationsansvaret")
    article("kia", title_sv="Det kommunala informationsansvaret")
    response = client.get("/sok/", {"q": "KIA"})
    assert [a.slug for a in response.context["articles"]] == ["kia"]
    body = response.content.decode()
    assert "Visar även träffar för <q>kommunala informationsansvaret</q>" in body
    with translation.override("en"):
        response = client.get("/en/search/", {"q": "KIA"})
    assert "Also showing results for <q>kommunala informationsansvaret</q>" in (
        response.content.decode()
    )


def test_a_changed_synonym_list_applies_at_once():
    synonym_list = synonyms("sv", "IM, introduktionsprogram")
    article("im", title_sv="Introduktionsprogram")
    assert found("IM") == ["im"]
    synonym_list.groups = "IM, individuell studieplan"
    synonym_list.save()
    assert found("IM") == []


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ("SYV, , studie- och yrkesvägledare", "Line 1 has an empty entry"),
        ("SYV, studie- och yrkesvägledare,", "Line 1 has an empty entry"),
        ("avhopp, studieavbrott\nstudieavbrott, avbrott", "“studieavbrott” is already in line 1"),
        ("SYV, syv", "“syv” is already in this line"),
        ("SYV", "Line 1 has only one entry"),
        ("ok, fine\nx, " + "y" * 101, "Line 2: “yyyyyyyyyy"),
        ("a b c d e f g, h", "at most 100 characters and 6 words"),
        ("!!, ??", "has no letters or digits"),
        (", ".join(f"ord{n}" for n in range(21)), "a group may have at most 20"),
    ],
)
def test_a_synonym_list_with_empty_duplicate_or_huge_entries_is_refused_with_its_line(
    groups, message
):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        SynonymList(language="sv", groups=groups).full_clean()
    assert any(message in error for error in refused.value.message_dict["groups"])


def test_a_synonym_list_refused_in_the_admin_shows_the_error_in_swedish_and_keeps_nothing(
    editor_client,
):
    response = editor_client.post(
        "/admin/search/synonymlist/add/", {"language": "sv", "groups": "SYV,, studie"}
    )
    assert response.status_code == 200
    assert "Rad 1 har ett tomt ord" in response.content.decode()
    assert not SynonymList.objects.exists()
    response = editor_client.post(
        "/admin/search/synonymlist/add/",
        {"language": "sv", "groups": "SYV, studie- och yrkesvägledare\n\nIM, introduktionsprogram"},
    )
    assert response.status_code == 302
    assert SynonymList.objects.get(language="sv").groups.startswith("SYV")


# Structured fields ---------------------------------------------------------------------


def test_a_publications_authors_year_and_publisher_are_searched():
    PublicationFactory(
        slug="hattie",
        title_sv="Visible Learning",
        authors=[{"family": "Hattie", "given": "John"}],
        year=2009,
        publisher="Routledge",
        **QUIET,
    )
    PublicationFactory(
        slug="other",
        title_sv="Annat",
        authors=[{"family": "Möllås", "given": "G."}],
        year=2003,
        **QUIET,
    )
    assert found("Hattie 2009") == ["hattie"]
    assert found("Hattie 2003") == []
    assert found("Routledge") == ["hattie"]
    assert found("Mollas") == ["other"]


def test_a_case_study_is_found_by_its_municipality_ranked_as_what_it_is_about():
    kiruna = MunicipalityFactory(code="2584", name="Kiruna", region=RegionFactory(code="25"))
    article("mention", body_sv="En resa till Kiruna.")
    CaseStudyFactory(slug="kiruna", title_sv="Plug In i norr", municipality=kiruna, **QUIET)
    assert found("Kiruna") == ["kiruna", "mention"]


def test_a_methods_terms_are_searched_by_their_names_in_each_language():
    MethodFactory(
        slug="coach",
        title_sv="En coach",
        title_en="A coach",
        terms={
            "intervention_type": ["franvaro"],
            "target_group": ["nyanlanda"],
            "phase": ["under-gymnasiet"],
            "prevention_level": ["forebyggande"],
            "scope": ["individ"],
        },
        **QUIET,
    )
    MethodFactory(
        slug="team",
        title_sv="Ett team",
        title_en="A team",
        terms={"intervention_type": ["helhetsstod"], "prevention_level": ["atgardande"]},
        **QUIET,
    )
    article("mention", body_sv="Helhetsstöd nämns här.")
    assert found("hög frånvaro") == ["coach"]
    assert found("uppfoljning av hog franvaro") == ["coach"]
    assert found("following up high absence") == ["coach"]
    assert found("under gymnasiet") == ["coach"]
    assert found("upper secondary") == ["coach"]
    assert found("förebyggande") == ["coach"]
    assert found("preventive") == ["coach"]
    assert found("individ") == ["coach"]
    assert found("nyanlända") == ["coach"]
    assert found("newly arrived") == ["coach"]
    # A term ranks with the tags, above a mention in the text of a newer article.
    assert found("helhetsstöd") == ["team", "mention"]
    assert found("holistic") == ["team"]
    assert found("åtgärdande") == ["team"]
    assert found("remedial") == ["team"]
    assert found("stöd")[0] == "team"  # the compound's part, in the head


def test_a_method_without_structured_values_is_not_found_by_any_label():
    MethodFactory(slug="bare", title_sv="En metod", title_en="A method", **QUIET)
    assert found("helhetsstöd") == []
    assert found("individ") == []
    assert found("remedial") == []


# Places --------------------------------------------------------------------------------


@pytest.fixture
def places():
    norrbotten = RegionFactory(code="25", name="Norrbottens län")
    ostergotland = RegionFactory(code="05", name="Östergötlands län")
    return {
        "kiruna": MunicipalityFactory(code="2584", name="Kiruna", region=norrbotten),
        "vasby": MunicipalityFactory(code="0114", name="Upplands Väsby", region=norrbotten),
        "norrbotten": norrbotten,
        "ostergotland": ostergotland,
    }


def test_a_query_naming_a_municipality_or_county_finds_the_place_in_any_case_and_spelling(
    places,
):
    def named(query):
        return [(place.kind, place.code, rest) for place, rest in places_in(query)]

    assert named("Kiruna") == [("kommun", "2584", "")]
    assert named("studieavbrott KIRUNA") == [("kommun", "2584", "studieavbrott")]
    assert named("upplands vasby") == [("kommun", "0114", "")]
    assert named("Ostergotland") == [("region", "05", "")]
    assert named("Oestergoetlands län") == [("region", "05", "")]
    assert named("norrbotten mentorskap") == [("region", "25", "mentorskap")]
    assert named("mentorskap") == []


def test_the_results_page_links_a_named_place_to_its_statistics_and_offers_its_filter(
    client, places
):
    response = client.get("/sok/", {"q": "studieavbrott kiruna"})
    body = response.content.decode()
    assert '<a href="/statistik/kommun/2584/">Statistik för Kiruna kommun</a>' in body
    assert '<a href="?q=studieavbrott&amp;kommun=2584" rel="nofollow">' in body
    with translation.override("en"):
        response = client.get("/en/search/", {"q": "Norrbotten"})
    body = response.content.decode()
    assert '<a href="/en/statistics/region/25/">Statistics for Norrbottens län</a>' in body
    assert '<a href="?region=25" rel="nofollow">' in body
