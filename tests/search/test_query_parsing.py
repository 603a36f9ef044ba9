"""The websearch syntax is read into terms: nothing typed reaches the database as syntax."""

import pytest

from search.backends import fts_expression, tsquery_text
from search.text import MAX_QUERY_LENGTH, clean_query, parse_query


def test_words_are_anded_and_or_joins_alternatives():
    parsed = parse_query("mentor skola OR gymnasium")
    assert [[term.words for term in group] for group in parsed.groups] == [
        [("mentor",)],
        [("skola",), ("gymnasium",)],
    ]


def test_quotes_make_a_phrase_and_minus_excludes():
    parsed = parse_query('"motiverande samtal" -frånvaro -"hög risk"')
    assert [term.words for term in parsed.groups[0]] == [("motiverande", "samtal")]
    assert [term.words for term in parsed.excluded] == [("frånvaro",), ("hög", "risk")]


def test_an_unclosed_quote_reads_to_the_end():
    parsed = parse_query('"plug in')
    assert [term.words for term in parsed.groups[0]] == [("plug", "in")]


@pytest.mark.django_db  # the query's alternatives include the editors' synonyms
def test_stray_operators_and_fts_syntax_leave_only_words():
    parsed = parse_query('OR - "" NEAR(a b) title_sv:x* ^y {col}: AND ) (')
    words = parsed.positive_words
    assert all(word.isalnum() or "_" in word for word in words)
    positive, excluded = fts_expression(parsed)
    # Every stem is quoted: the only quotes in the expression are ours, in pairs.
    assert positive.count('"') % 2 == 0
    assert "NEAR(" not in positive.replace('"near', "")


def test_nul_bytes_and_control_characters_are_dropped():
    assert clean_query("skola\x00\x1f elev") == "skola elev"


def test_the_query_is_capped():
    assert len(clean_query("a" * 5000)) == MAX_QUERY_LENGTH


@pytest.mark.django_db
def test_only_exclusions_give_no_positive_part():
    positive, excluded = tsquery_text(parse_query("-skola"))
    assert positive == {"sv": "", "en": ""}
    assert "'skola':*" in excluded["sv"]
    assert "'skola':*" in excluded["en"]


@pytest.mark.django_db
def test_tsquery_quotes_each_word_with_a_prefix_match():
    positive, _ = tsquery_text(parse_query('mentor "plug in"'))
    assert positive["en"] == "((('mentor':*))) & ((('plug':* <-> 'in':*)))"


@pytest.mark.django_db
def test_a_word_of_one_or_two_letters_matches_only_itself():
    positive, _ = tsquery_text(parse_query("IM"))
    assert positive["en"] == "((('im')))"
