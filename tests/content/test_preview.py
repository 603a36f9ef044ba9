"""The Markdown preview beside the body in the admin: the site's renderer and sanitiser, on the
server, with and without JavaScript; editors only."""

import json

import pytest

from tests.factories import MethodFactory

from .test_revisions import change_url

PREVIEW = "/admin/methods/method/preview/"
HOSTILE = (
    "## Rubrik\n\n**fet** [länk](https://example.se)\n\n<script>alert(1)</script>\n\n"
    '[klicka](javascript:alert(1)) <img src=x onerror="alert(1)"> <a href="#" onclick="x()">a</a>'
)


def assert_sanitised(html: str) -> None:
    assert "<h2>Rubrik</h2>" in html and "<strong>fet</strong>" in html
    assert 'href="https://example.se"' in html
    for forbidden in ("<script", "javascript:", "onerror", "onclick", "<img"):
        assert forbidden not in html


@pytest.mark.django_db
def test_the_preview_is_rendered_and_sanitised_as_on_the_site(editor_client):
    response = editor_client.post(
        PREVIEW, {"body_sv": HOSTILE, "body_en": "*English*"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 200
    rendered = json.loads(response.content)
    assert_sanitised(rendered["sv"])
    assert rendered["en"] == "<p><em>English</em></p>"


@pytest.mark.django_db
def test_without_javascript_the_preview_button_shows_a_page_of_both_languages(editor_client):
    response = editor_client.post(PREVIEW, {"body_sv": HOSTILE, "body_en": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert_sanitised(html.split('lang="sv"', 2)[-1])
    assert "Nothing has been saved" not in html and "Inget har sparats" in html


@pytest.mark.django_db
def test_the_change_form_shows_the_preview_beside_the_body_with_our_script_only(editor_client):
    method = MethodFactory(body_sv="Ett **viktigt** ord.")
    page = editor_client.get(change_url(method)).content.decode()
    assert 'class="markdown-preview prose" id="id_body_sv-preview"' in page
    assert "<p>Ett <strong>viktigt</strong> ord.</p>" in page
    assert f'formaction="{PREVIEW}"' in page
    assert "/static/content/markdown-preview.js" in page


@pytest.mark.django_db
def test_nobody_but_editors_reaches_the_preview(client, user):
    assert client.post(PREVIEW, {"body_sv": "x"}).status_code == 302
    client.force_login(user)
    assert client.post(PREVIEW, {"body_sv": "x"}).status_code == 302


@pytest.mark.django_db
def test_the_preview_answers_only_posts(editor_client):
    assert editor_client.get(PREVIEW).status_code == 405
