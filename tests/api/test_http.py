"""What every answer of the API shares: problem details for every error, conditional requests,
caching headers, CORS, HEAD, and the rate limit."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import override_settings
from django.urls import path

from api import limits
from api.middleware import as_problem
from content.models import Article
from infra.ratelimit import STORE
from pluginnovation import urls as site_urls

from .conftest import fetch

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def test_an_unknown_parameter_is_a_400_with_problem_details_in_the_answers_language(client, bank):
    response, problem = fetch(client, "/api/v1/methods/?colour=red&lang=en")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert problem == {
        "type": "http://testserver/api/v1/docs/#problem-invalid-parameters",
        "title": "Invalid parameters",
        "status": 400,
        "detail": "Some parameters are not valid: see errors.",
        "instance": "/api/v1/methods/?colour=red&lang=en",
        "errors": [{"parameter": "colour", "detail": "There is no such parameter here."}],
    }
    swedish = fetch(client, "/api/v1/methods/?colour=red")[1]
    assert swedish["title"] == "Ogiltiga parametrar"


def test_a_parameter_given_twice_is_refused_unless_it_takes_several_values(client, bank):
    response, problem = fetch(client, "/api/v1/methods/?page=1&page=2")
    assert response.status_code == 400
    assert problem["errors"][0]["parameter"] == "page"
    assert client.get("/api/v1/methods/?tag=mentorskap&tag=frånvaro").status_code == 200


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/methods/?page=0", "page"),
        ("/api/v1/methods/?page=abc", "page"),
        ("/api/v1/methods/?page_size=101", "page_size"),
        ("/api/v1/methods/?lang=de", "lang"),
        ("/api/v1/methods/?lang=sv&lang=en", "lang"),
    ],
)
def test_a_bad_page_or_language_is_a_400(client, bank, url, parameter):
    response, problem = fetch(client, url)
    assert response.status_code == 400
    assert [error["parameter"] for error in problem["errors"]] == [parameter]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/methods/finns-inte/",
        "/api/v1/methods/%C3%A5%20x/",
        "/api/v1/municipalities/14411/",
        "/api/v1/ingenting/",
        "/api/v1/methods/mentorskap/extra/",
    ],
)
def test_an_address_that_names_nothing_is_a_404_with_problem_details(client, bank, url):
    response, problem = fetch(client, url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert problem["type"].endswith("#problem-not-found")


@pytest.mark.parametrize(
    ("url", "parameters"),
    [
        ("/api/v1/methods/%00/", []),
        ("/api/v1/methods/?q=a%00b&tag=mentorskap", ["q"]),
        ("/api/v1/methods/?a%00=1", ["a\x00"]),
    ],
)
def test_a_nul_byte_anywhere_is_a_400_with_problem_details(client, url, parameters):
    response, problem = fetch(client, url, **{"Accept-Language": "en"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert problem["type"].endswith("#problem-invalid-parameters")
    assert problem["detail"] == "This contains a character that is not allowed."
    assert [error["parameter"] for error in problem.get("errors", [])] == parameters
    # Elsewhere on the site, the 400 page.
    assert client.get("/metoder/?q=a%00b")["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, bank, method):
    response = getattr(client, method)("/api/v1/methods/")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"
    assert "GET" in response["Allow"]


def test_a_server_error_is_a_problem_too(rf):
    request = rf.get("/api/v1/methods/")
    from django.http import HttpResponseServerError

    problem = as_problem(request, HttpResponseServerError("<h1>Server error</h1>"))
    assert problem.status_code == 500
    assert json.loads(problem.content)["title"] == "Serverfel"


def test_an_unchanged_answer_is_a_304_by_etag_and_by_date(client, bank):
    first = client.get("/api/v1/methods/")
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=60"
    again = client.get("/api/v1/methods/", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert (
        client.get("/api/v1/methods/", headers={"If-Modified-Since": modified}).status_code == 304
    )
    # Another language is another answer.
    english = client.get("/api/v1/methods/?lang=en", headers={"If-None-Match": etag})
    assert english.status_code == 200


def test_a_change_to_the_content_changes_the_etag_and_the_date(client, bank):
    first = client.get("/api/v1/methods/mentorskap/")
    bank.method.title_sv = "Mentorskap, reviderad"
    bank.method.save()
    changed = client.get("/api/v1/methods/mentorskap/", headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert changed.json()["title"]["value"] == "Mentorskap, reviderad"
    assert changed["ETag"] != first["ETag"]
    assert changed["Last-Modified"] >= first["Last-Modified"]


def test_a_scheduled_article_appearing_changes_the_date(client, bank, time_machine):
    from datetime import timedelta

    from django.utils import timezone

    scheduled = next(a for a in bank.hidden if a.slug == "kommer-snart")
    first = client.get("/api/v1/case-studies/")
    time_machine.move_to(scheduled.published_at + timedelta(seconds=1))
    later = client.get(
        "/api/v1/case-studies/", headers={"If-Modified-Since": first["Last-Modified"]}
    )
    assert later.status_code == 200
    assert "kommer-snart" in [item["slug"] for item in later.json()["results"]]
    assert timezone.now() > scheduled.published_at


def test_errors_are_never_cached(client, bank):
    assert client.get("/api/v1/methods/?x=1")["Cache-Control"] == "no-store"
    assert client.get("/api/v1/methods/nope/")["Cache-Control"] == "no-store"


def test_any_site_may_read_the_api_cors(client, bank):
    response = client.get("/api/v1/methods/", headers={"Origin": "https://kommun.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert client.get("/api/v1/nope/")["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        "/api/v1/methods/",
        headers={
            "Origin": "https://kommun.example",
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]


def test_the_site_s_own_pages_get_no_cors_headers(client, bank):
    assert "Access-Control-Allow-Origin" not in client.get("/metoder/")


def test_head_gives_the_headers_of_get_without_the_body(client, bank):
    get = client.get("/api/v1/methods/")
    head = client.head("/api/v1/methods/")
    assert head.status_code == 200
    assert head.content == b""
    assert head["ETag"] == get["ETag"]
    assert head["Content-Type"] == get["Content-Type"]


def test_past_the_limit_a_client_waits_with_429_and_retry_after(client, bank, settings):
    settings.API_RATE_LIMIT = 3
    caches[STORE].clear()
    address = {"REMOTE_ADDR": "192.0.2.10"}
    answers = [client.get("/api/v1/regions/", **address) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert [answer["RateLimit-Remaining"] for answer in answers] == ["2", "1", "0", "0"]
    refused = answers[-1]
    assert refused["Content-Type"] == "application/problem+json"
    assert 1 <= int(refused["Retry-After"]) <= settings.API_RATE_LIMIT_SECONDS
    assert refused.json()["type"].endswith("#problem-too-many-requests")
    # Another client is not held back.
    assert client.get("/api/v1/regions/", REMOTE_ADDR="192.0.2.11").status_code == 200


def test_behind_a_trusted_proxy_the_limit_counts_the_client_it_forwards(client, bank, settings):
    settings.TRUSTED_PROXIES = 1
    settings.API_RATE_LIMIT = 1
    caches[STORE].clear()

    def status(forwarded: str) -> int:
        response = client.get(
            "/api/v1/regions/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        )
        return response.status_code

    assert status("192.0.2.20") == 200
    assert status("192.0.2.20") == 429
    # Another client behind the same proxy has its own count; what a client puts in front of
    # the header itself is not believed.
    assert status("192.0.2.21") == 200
    assert status("198.51.100.7, 192.0.2.20") == 429


def test_the_limit_counts_a_whole_ipv6_64_as_one_client(rf):
    one = rf.get("/", REMOTE_ADDR="2001:db8:1:2::1")
    other = rf.get("/", REMOTE_ADDR="2001:db8:1:2:ffff::9")
    elsewhere = rf.get("/", REMOTE_ADDR="2001:db8:1:3::1")
    assert limits.client_key(one) == limits.client_key(other)
    assert limits.client_key(one) != limits.client_key(elsewhere)


def test_the_count_starts_again_in_the_next_period():
    caches[STORE].clear()
    limit = limits.Limit(requests=1, seconds=60)
    assert limits.hit("t", "c", limit, now=600.0).allowed
    refused = limits.hit("t", "c", limit, now=630.0)
    assert not refused.allowed
    assert refused.reset == 30
    assert limits.hit("t", "c", limit, now=660.0).allowed


def test_a_broken_limit_store_lets_requests_through(monkeypatch):
    class Broken:
        def add(self, *args, **kwargs):
            raise ConnectionError("down")

    monkeypatch.setattr(limits, "caches", {STORE: Broken()})
    assert limits.hit("t", "c", limits.Limit(1, 60)).allowed


COUNTING = """
import sys, django
django.setup()
from api import limits
from infra.ratelimit import STORE
from pluginnovation import urls as site_urls
limit = limits.Limit(requests=int(sys.argv[1]), seconds=3600)
print(sum(limits.hit("api", "203.0.113.5", limit).allowed for _ in range(int(sys.argv[2]))))
"""


def test_two_worker_processes_share_one_count(tmp_path):
    """As production runs without Redis: the count lives in the host's file cache."""
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pluginnovation.settings",
        "DJANGO_CACHE_DIR": str(tmp_path / "shared"),
        "DJANGO_DEBUG": "true",
    }
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, "-c", COUNTING, "50", "40"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    allowed = [int(worker.communicate(timeout=120)[0]) for worker in workers]
    assert sum(allowed) == 50, allowed


def test_pages_of_the_site_are_unchanged_by_the_api_middleware(client, bank):
    response = client.get("/metoder/")
    assert response.status_code == 200
    assert "RateLimit-Limit" not in response


def boom(request):
    raise RuntimeError("a bug")


def database_gone(request):
    raise OperationalError("could not connect to server")


# The site's URLs and two that fail.
urlpatterns = [
    path("api/v1/boom/", boom),
    path("api/v1/database-gone/", database_gone),
    *site_urls.urlpatterns,
]
handler500 = site_urls.handler500


@override_settings(ROOT_URLCONF=__name__, DEBUG_PROPAGATE_EXCEPTIONS=False)
def test_an_exception_in_a_view_is_a_500_problem(client):
    client.raise_request_exception = False
    response = client.get("/api/v1/boom/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 500


@override_settings(ROOT_URLCONF=__name__)
def test_a_lost_database_is_a_503_problem_with_retry_after(client):
    response = client.get("/api/v1/database-gone/")
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "30"
    assert response.json()["type"].endswith("#problem-service-unavailable")


def test_nothing_here_writes(client, bank):
    before = Article.objects.count()
    client.get("/api/v1/search/?q=mentorskap")
    assert Article.objects.count() == before
