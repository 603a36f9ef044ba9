"""Errors as RFC 9457 problem details (`application/problem+json`), in the answer's language.

Every error the API gives is one of PROBLEMS; its `type` is the address of its explanation on
the documentation page (/api/v1/docs/#problem-…), so a client can look it up.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

PROBLEM_CONTENT_TYPE = "application/problem+json"

# slug → (status, title, what it means: shown on the documentation page).
PROBLEMS = {
    "invalid-parameters": (
        400,
        _("Invalid parameters"),
        _(
            "A parameter is unknown, given twice, or has a value it cannot have (a code or "
            "slug that does not exist, a page size over the limit…). `errors` names each "
            "parameter and what is wrong with it."
        ),
    ),
    "not-found": (
        404,
        _("Not found"),
        _("Nothing published has this address (or the page number is past the last page)."),
    ),
    "method-not-allowed": (
        405,
        _("Method not allowed"),
        _("The API is read-only: it answers GET, HEAD and OPTIONS."),
    ),
    "precondition-failed": (
        412,
        _("Precondition failed"),
        _("The resource has changed since the version named in If-Match or If-Unmodified-Since."),
    ),
    "too-many-requests": (
        429,
        _("Too many requests"),
        _(
            "This client has made more requests than the limit allows. Wait the number of "
            "seconds that `Retry-After` gives, then go on."
        ),
    ),
    "server-error": (
        500,
        _("Server error"),
        _("Something went wrong on our side. Try again later."),
    ),
    "service-unavailable": (
        503,
        _("Service unavailable"),
        _("The service is down for a moment. Try again after `Retry-After` seconds."),
    ),
}
BY_STATUS = {status: slug for slug, (status, _title, _meaning) in PROBLEMS.items()}


class ApiProblem(Exception):
    """Raised where the API finds the client's mistake; answered as a problem document."""

    slug = "invalid-parameters"

    def __init__(self, detail: str = "", errors: Mapping[str, object] | None = None):
        super().__init__(detail)
        self.detail = detail
        self.errors = dict(errors or {})


class InvalidParameters(ApiProblem):
    """`errors`: {parameter: message or messages}."""

    slug = "invalid-parameters"


class NotFound(ApiProblem):
    slug = "not-found"


def problem_type(request: HttpRequest, slug: str) -> str:
    return request.build_absolute_uri(reverse("api:docs")) + f"#problem-{slug}"


def problem_response(
    request: HttpRequest,
    slug: str,
    detail: str = "",
    errors: Mapping[str, object] | None = None,
    status: int | None = None,
) -> HttpResponse:
    """The problem `slug`; `status` only where another one of its class happened (a 4xx or 5xx
    that has no slug of its own)."""
    own_status, title, _meaning = PROBLEMS[slug]
    status = status or own_status
    body: dict[str, object] = {
        "type": problem_type(request, slug),
        "title": str(title),
        "status": status,
        "detail": str(detail) if detail else str(title),
        "instance": request.get_full_path(),
    }
    if errors:
        body["errors"] = [
            {"parameter": name, "detail": str(message)}
            for name, messages in errors.items()
            for message in (messages if isinstance(messages, list | tuple) else [messages])
        ]
    return HttpResponse(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def from_exception(request: HttpRequest, problem: ApiProblem) -> HttpResponse:
    detail = problem.detail
    if not detail and problem.slug == "invalid-parameters":
        detail = _("Some parameters are not valid: see errors.")
    return problem_response(request, problem.slug, detail, problem.errors)
