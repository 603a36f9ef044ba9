"""Bodies are Markdown, rendered once on save and cleaned, so the page only prints stored HTML."""

from unittest import mock

import pytest

from tests.factories import MethodFactory

from .html import page

HOSTILE = """## Rubrik

Text med [en länk](https://example.se) och <a href="javascript:alert(1)">en lömsk länk</a>.

<script>alert("stulen")</script>
<p onclick="alert(2)">Klicka</p>
<img src="x" onerror="alert(3)">
<iframe src="https://evil.example"></iframe>
"""


@pytest.mark.django_db
def test_markdown_is_rendered_to_html_on_save_in_both_languages():
    method = MethodFactory(body_sv="**Fet** text", body_en="- one\n- two")
    assert method.body_html_sv == "<p><strong>Fet</strong> text</p>"
    assert "<li>one</li>" in method.body_html_en
    method.body_sv = "*Ny* text"
    method.save()
    assert method.body_html_sv == "<p><em>Ny</em> text</p>"


@pytest.mark.django_db
def test_scripts_event_handlers_and_javascript_links_never_reach_the_page(client):
    method = MethodFactory(body_sv=HOSTILE)
    stored = method.body_html_sv
    for bad in ["<script", "onclick", "onerror", "javascript:", "<iframe", "<img"]:
        assert bad not in stored, bad
    assert '<a href="https://example.se" rel="noopener noreferrer">en länk</a>' in stored
    assert "<h2>Rubrik</h2>" in stored
    html = client.get(method.get_absolute_url()).content.decode()
    prose = html.split('class="prose"', 1)[1].split("</div>", 1)[0]
    for bad in ["<script", "onclick", "onerror", "javascript:"]:
        assert bad not in prose, bad


@pytest.mark.django_db
def test_a_page_view_never_parses_markdown(client):
    method = MethodFactory(body_sv="**Fet**")
    with mock.patch("content.markdown._markdown.markdown") as parse:
        response = client.get(method.get_absolute_url())
    assert not parse.called
    assert page(response).find("div", **{"class": "prose"})
    assert "<strong>Fet</strong>" in response.content.decode()


@pytest.mark.django_db
def test_an_empty_body_stores_no_html(client):
    method = MethodFactory(body_sv="   ", body_en="")
    assert method.body_html_sv == method.body_html_en == ""
    assert not page(client.get(method.get_absolute_url())).find_all("div", **{"class": "prose"})
