"""Hypothesis over every public GET parameter and every public form: never a 500, never raw input.

The parameters are not listed by hand: each public page is fetched, and every field of its
forms and every query parameter of its links becomes a target. A page or form added later is
fuzzed without a change here, once its URL name is in PUBLIC_PAGES.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.urls import NoReverseMatch, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import (
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    ResearchSummaryFactory,
)

# (URL name, kwargs from the content fixture): every public page that takes input.
PUBLIC_PAGES = [
    ("home", {}),
    ("methods:list", {}),
    ("research:list", {}),
    ("casestudies:list", {}),
    ("news:list", {}),
    ("contact", {}),
    ("search:results", {}),
    ("search:help", {}),
    ("stats:overview", {}),
    ("stats:region", {"code": "14"}),
    ("stats:municipality", {"code": "1402"}),
    ("stats:compare", {}),
    ("account_login", {}),
    ("account_signup", {}),
    ("account_reset_password", {}),
]
# The page-level parameters every list reads, whether or not a link shows them yet.
ALWAYS = {"page": ()}

NASTY = [
    "",
    "0",
    "-1",
    "1.5",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "\x00",
    "a\x00b",
    "' OR 1=1 --",
    '" OR ""="',
    "%00",
    "%2e%2e%2f",
    "../../etc/passwd",
    "2015-13-45",
    "<script>alert(1)</script>",
    "{{ 7*7 }}",
    "${7*7}",
    "*",
    "-",
    '"',
    "OR",
    "AND NOT",
    "mentor*",
    "ä" * 600,
    "x" * 5000,
    "\u202e\u200b\ufeff",
    "\r\nSet-Cookie: x=1",
]


@dataclass
class Form:
    method: str
    action: str
    fields: dict[str, list[str]] = field(default_factory=dict)  # name -> known good values


class FormParser(HTMLParser):
    """The forms of a page (fields and their offered values) and the query parameters of links."""

    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: list[Form] = []
        self.link_params: dict[str, set[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append(
                Form(attr.get("method", "get").lower(), attr.get("action") or self.page_path)
            )
        elif tag in {"input", "textarea", "select", "button"} and self.forms and attr.get("name"):
            name = attr["name"]
            if name == "csrfmiddlewaretoken":
                return
            values = self.forms[-1].fields.setdefault(name, [])
            if attr.get("value"):
                values.append(attr["value"])
            self._select = name if tag == "select" else None
        elif tag == "option" and self._select and self.forms:
            self.forms[-1].fields[self._select].append(attr.get("value", ""))
        elif tag == "a" and "?" in attr.get("href", ""):
            url = urlsplit(attr["href"])
            if url.netloc:
                return
            for name, value in parse_qsl(url.query, keep_blank_values=True):
                self.link_params.setdefault(name, set()).add(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None


@pytest.fixture
def content(db):
    municipality = MunicipalityFactory()
    method = MethodFactory(title_sv="Mentorskap", tags=["mentorskap", "frånvaro"])
    method.municipalities.add(municipality)
    method.regions.add(municipality.region)
    CaseStudyFactory(municipality=municipality)
    PublicationFactory()
    ResearchSummaryFactory()
    return method


def page_url(name: str, kwargs: dict) -> str:
    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        pytest.skip(f"{name} is not in the site (yet)")


def targets(client, path: str) -> tuple[dict[str, list[str]], list[Form]]:
    response = client.get(path)
    assert response.status_code < 500
    parser = FormParser(path)
    parser.feed(response.content.decode())
    params = {name: sorted(values) for name, values in parser.link_params.items()}
    for form in parser.forms:
        if form.method == "get" and urlsplit(form.action).path == path:
            for name, values in form.fields.items():
                params.setdefault(name, []).extend(values)
    for name, values in ALWAYS.items():
        params.setdefault(name, list(values))
    return params, [form for form in parser.forms if form.method == "post"]


MARKER = "x-fuzz"


def value_strategy(known: list[str]):
    """Known good values, the usual suspects, anything at all, and a probe for escaping."""
    probe = st.builds(
        lambda a, b: f'{a}<{MARKER} a="1">\'"{b}', st.text(max_size=20), st.text(max_size=20)
    )
    options = [st.sampled_from(NASTY), st.text(max_size=200), probe]
    if known:
        options.insert(0, st.sampled_from(known))
    return st.one_of(options)


def assert_safe(response, sent: dict) -> None:
    assert response.status_code < 500, sent
    if "html" in response.get("Content-Type", "") and any(
        MARKER in str(value) for value in sent.values()
    ):
        body = response.content.decode(errors="replace")
        assert f"<{MARKER}" not in body, ("unescaped input", sent)


FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES])
@FUZZ
@given(data=st.data())
def test_no_get_parameter_gives_a_500_or_raw_input(client, content, name, kwargs, data):
    path = page_url(name, kwargs)
    params, _forms = targets(client, path)
    chosen = data.draw(
        st.lists(st.sampled_from(sorted(params)), unique=True, min_size=1), label="params"
    )
    sent = {param: data.draw(value_strategy(params[param]), label=param) for param in chosen}
    assert_safe(client.get(path, sent), sent)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "kwargs"), PUBLIC_PAGES, ids=[name for name, _ in PUBLIC_PAGES])
@FUZZ
@given(data=st.data())
def test_no_form_submission_gives_a_500_or_raw_input(client, content, name, kwargs, data):
    path = page_url(name, kwargs)
    _params, forms = targets(client, path)
    if not forms:
        return  # this page has no form to post
    form = data.draw(st.sampled_from(forms), label="form")
    sent = {
        field_name: data.draw(value_strategy(known), label=field_name)
        for field_name, known in form.fields.items()
    }
    response = client.post(form.action, sent)
    assert_safe(response, sent)


@pytest.mark.django_db
def test_the_parser_finds_the_search_parameters_and_the_contact_form(client, content):
    params, _ = targets(client, reverse("search:results") + "")
    assert "q" in params
    _, forms = targets(client, reverse("contact"))
    assert {"name", "email", "subject", "message"} <= set(forms[0].fields)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/sok/", "/en/search/"])
def test_the_search_query_is_echoed_escaped(client, content, path):
    body = client.get(path, {"q": '<x-fuzz a="1">"mentor'}).content.decode()
    assert "<x-fuzz" not in body
    assert "&lt;x-fuzz a=&quot;1&quot;&gt;&quot;mentor" in body
