"""The API itself: the NinjaAPI holding every endpoint, how it answers the client's mistakes,
and its OpenAPI schema, completed with what the code alone cannot say (problem details, 304,
the caching and rate-limit headers) and given in the answer's language."""

# No `from __future__ import annotations`: django-ninja reads the annotations.

import copy
from collections.abc import Callable
from functools import wraps
from http import HTTPStatus

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from ninja import NinjaAPI, Query
from ninja.errors import ValidationError
from pydantic import Field

from . import content, freshness, licences, searches, statistics, vocabularies
from .params import LanguageParameter
from .problems import PROBLEM_CONTENT_TYPE, ApiProblem, from_exception, problem_response
from .schemas import ERRORS, Licence, Output

TITLE = "PlugInnovation API"
JSON_CONTENT_TYPE = "application/json; charset=utf-8"
VERSION = "1"


class OpenDataAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        return complete_schema(schema)


api = OpenDataAPI(
    title=TITLE,
    version=VERSION,
    openapi_url=None,  # served by views.openapi_json, per language
    docs_url=None,  # served by views.docs, from our own static files
    urls_namespace="api",
)


# -- errors


def validation_message(error: dict) -> str:
    """pydantic's error, said in the answer's language."""
    kind, context = error.get("type", ""), error.get("ctx") or {}
    if kind == "missing":
        return _("Give this parameter.")
    if kind.startswith(("int_", "float_")):
        return _("Give a whole number.")
    if kind in ("greater_than_equal", "greater_than"):
        return _("Give at least %(limit)s.") % {"limit": context.get("ge", context.get("gt"))}
    if kind in ("less_than_equal", "less_than"):
        return _("Give at most %(limit)s.") % {"limit": context.get("le", context.get("lt"))}
    if kind in ("literal_error", "enum"):
        return _("Give one of: %(values)s.") % {"values": context.get("expected", "")}
    if kind == "string_too_long":
        return _("Give at most %(limit)s characters.") % {"limit": context.get("max_length")}
    if kind == "too_long":
        return _("Give at most %(limit)s values.") % {"limit": context.get("max_length")}
    if kind == "string_pattern_mismatch":
        return _("This value does not have the right form.")
    return _("This value is not valid.")


def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    """A path that names nothing is not found (404); a bad query parameter is invalid (400)."""
    if any(error["loc"][0] == "path" for error in exc.errors):
        return problem_response(request, "not-found", _("Nothing has this address."))
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        # ("query", "page"), or for a value of a list ("query", "filters", "indicator", 0).
        name = next((part for part in reversed(error["loc"][1:]) if isinstance(part, str)), "")
        errors.setdefault(name, []).append(validation_message(error))
    return problem_response(
        request, "invalid-parameters", _("Some parameters are not valid: see errors."), errors
    )


def on_problem(request: HttpRequest, exc: ApiProblem) -> HttpResponse:
    return from_exception(request, exc)


def on_404(request: HttpRequest, exc: Http404) -> HttpResponse:
    return problem_response(request, "not-found")


def on_exception(request: HttpRequest, exc: Exception) -> HttpResponse:
    """Anything else is ours: Django logs it and answers 500 (ApiMiddleware makes it a problem)."""
    raise exc


api.add_exception_handler(ValidationError, on_validation_error)
api.add_exception_handler(ApiProblem, on_problem)
api.add_exception_handler(Http404, on_404)
api.add_exception_handler(Exception, on_exception)


# -- every endpoint: known parameters only, given once; Last-Modified on what it answers


def declared_parameters(operation) -> tuple[set[str], set[str]]:
    """(every query parameter the endpoint declares, those it takes several values of)."""
    names: set[str] = set()
    repeatable: set[str] = set()
    for model in operation.models:
        if getattr(model, "__ninja_param_source__", None) != "query":
            continue
        names.update(getattr(model, "__ninja_flatten_map__", {}) or model.model_fields)
        repeatable.update(getattr(model, "__ninja_collection_fields__", []))
    return names, repeatable


def strict_parameters(run: Callable) -> Callable:
    """Refuse parameters the endpoint does not know, and single ones given twice (400)."""
    names, repeatable = declared_parameters(run.__self__)

    @wraps(run)
    def checked(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        errors = {}
        for name in request.GET:
            if name not in names:
                errors[name] = _("There is no such parameter here.")
            elif name not in repeatable and len(request.GET.getlist(name)) > 1:
                errors[name] = _("Give this parameter once.")
        if errors:
            return problem_response(
                request,
                "invalid-parameters",
                _("Some parameters are not valid: see errors."),
                errors,
            )
        response = run(request, *args, **kwargs)
        if response.status_code == 200:
            response["Last-Modified"] = http_date(freshness.last_modified().timestamp())
        return response

    return checked


api.add_decorator(strict_parameters, mode="view")


def answered_as_json(view_func: Callable) -> Callable:
    """The endpoint's answer checked against its 200 shape and written as JSON, both by
    pydantic's compiled core (ninja would check the same through a Python wrapper on every
    nested value, then write it with the standard library: most of a list's time)."""
    shape = view_func._ninja_operation.response_models[200].model_fields["response"].annotation

    @wraps(view_func)
    def answer(request: HttpRequest, **values) -> HttpResponse:
        result = view_func(request, **values)
        if isinstance(result, HttpResponse):
            return result
        return HttpResponse(
            shape.model_validate(result).model_dump_json(), content_type=JSON_CONTENT_TYPE
        )

    return answer


api.add_decorator(answered_as_json, mode="operation")


# -- the index


class Collections(Output):
    methods: str
    vocabularies: str
    publications: str
    references: str
    research_summaries: str
    case_studies: str
    news: str
    pages: str
    tags: str
    regions: str
    municipalities: str
    indicators: str
    observations: str
    search: str


class Index(Output):
    title: str
    documentation: str = Field(description=gettext_noop("The interactive documentation."))
    openapi: str = Field(description=gettext_noop("The OpenAPI 3 schema."))
    downloads: str = Field(
        description=gettext_noop("The whole knowledge bank and the statistics as files.")
    )
    collections: Collections
    content_licence: Licence = Field(
        description=gettext_noop("The licence of the knowledge bank's texts.")
    )
    statistics_licence: Licence
    statistics_attribution: str


@api.get(
    "/",
    response={200: Index, **ERRORS},
    operation_id="index",
    summary=gettext_noop("Index"),
    description=gettext_noop("What the API holds, with the address of each list."),
    tags=[gettext_noop("Index")],
    url_name="index",
)
def index(request: HttpRequest, language: Query[LanguageParameter]):
    def absolute(name: str) -> str:
        return request.build_absolute_uri(reverse(name))

    root = absolute("api:index")
    return {
        "title": TITLE,
        "documentation": absolute("api:docs"),
        "openapi": absolute("api:openapi"),
        "downloads": absolute("opendata:index"),
        "collections": {
            name.replace("-", "_"): f"{root}{name}/"
            for name in (
                "methods",
                "vocabularies",
                "publications",
                "references",
                "research-summaries",
                "case-studies",
                "news",
                "pages",
                "tags",
                "regions",
                "municipalities",
                "indicators",
                "observations",
                "search",
            )
        },
        "content_licence": licences.content_licence(),
        "statistics_licence": licences.KOLADA_LICENCE,
        "statistics_attribution": licences.KOLADA_SOURCE,
    }


api.add_router("", content.router)
api.add_router("", vocabularies.router)
api.add_router("", statistics.router)
api.add_router("", searches.router)


# -- the schema, completed


HEADER_DESCRIPTIONS = {
    "ETag": gettext_noop(
        "The answer's version: send it back in If-None-Match to get 304 if unchanged."
    ),
    "Last-Modified": gettext_noop("When what the answer shows last changed (at the latest)."),
    "Cache-Control": gettext_noop("How long the answer may be reused."),
    "Content-Language": gettext_noop("The answer's language."),
    "RateLimit-Limit": gettext_noop("How many requests a client may make in each period."),
    "RateLimit-Remaining": gettext_noop("How many are left in this period."),
    "RateLimit-Reset": gettext_noop("Seconds until the period ends."),
    "Link": gettext_noop("The next and previous pages (rel=next, rel=prev)."),
    "X-Total-Count": gettext_noop("How many items the whole list has."),
}
ANSWERED_HEADERS = ("ETag", "Last-Modified", "Cache-Control", "Content-Language")
LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
RESPONSE_DESCRIPTIONS = {
    "200": gettext_noop("The answer."),
    "304": gettext_noop(
        "Not modified: the copy the client has (If-None-Match, If-Modified-Since) is current."
    ),
    "400": gettext_noop("Invalid parameters (problem details)."),
    "404": gettext_noop("Not found (problem details)."),
    "429": gettext_noop("Too many requests (problem details); wait Retry-After seconds."),
}
TRANSLATED_KEYS = {"description", "summary"}


def header(name: str, integer: bool = False) -> dict:
    return {
        "description": HEADER_DESCRIPTIONS.get(name, ""),
        "schema": {"type": "integer" if integer else "string"},
    }


def complete_schema(schema: dict) -> dict:
    """What the code alone cannot say: problem details for errors, 304, the headers."""
    schema["info"]["description"] = gettext_noop(
        "PlugInnovation's knowledge bank and statistics, read-only. See the documentation page."
    )
    for operations in schema["paths"].values():
        for operation in operations.values():
            responses = {
                str(status): response for status, response in operation["responses"].items()
            }
            operation["responses"] = responses
            for status, response in responses.items():
                response["description"] = RESPONSE_DESCRIPTIONS.get(
                    status, HTTPStatus(int(status)).phrase
                )
                if int(status) >= 400:
                    response["content"] = {
                        PROBLEM_CONTENT_TYPE: response["content"]["application/json"]
                    }
                    response["headers"] = {name: header(name, True) for name in LIMIT_HEADERS}
            responses["200"]["headers"] = {
                **{name: header(name) for name in ANSWERED_HEADERS},
                **{name: header(name, True) for name in LIMIT_HEADERS},
            }
            if operation.get("operationId") in content.CSL_OPERATIONS:
                shape = responses["200"]["content"].pop("application/json")
                responses["200"]["content"][content.CSL_JSON.content_type.split(";")[0]] = shape
                if operation["operationId"] == "list_references":
                    responses["200"]["headers"]["Link"] = header("Link")
                    responses["200"]["headers"]["X-Total-Count"] = header("X-Total-Count", True)
            responses["304"] = {
                "description": RESPONSE_DESCRIPTIONS["304"],
                "headers": {name: header(name) for name in ("ETag", "Cache-Control")},
            }
            responses["429"]["headers"]["Retry-After"] = {
                "description": gettext_noop("Seconds to wait before the next request."),
                "schema": {"type": "integer"},
                "required": True,
            }
            for parameter in operation.get("parameters", []):
                _complete_parameter(parameter)
    return schema


def _complete_parameter(parameter: dict) -> None:
    # An optional query parameter has no value by default (not the value null).
    if parameter["schema"].get("default", "") is None:
        parameter["schema"].pop("default")
    # A parameter's `examples` is a map of Example Objects (the schema's own is a list).
    examples = parameter.pop("examples", None)
    if examples:
        parameter["examples"] = {
            f"example{number}": {"value": value} for number, value in enumerate(examples, 1)
        }


def translated(schema: dict) -> dict:
    """A copy of the schema with its descriptions and summaries in the active language."""

    def walk(node):
        if isinstance(node, dict):
            return {
                key: _(value) if key in TRANSLATED_KEYS and isinstance(value, str) else walk(value)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [walk(item) for item in node]
        return node

    result = walk(copy.deepcopy(schema))
    for operation in (op for ops in result["paths"].values() for op in ops.values()):
        operation["tags"] = [_(tag) for tag in operation.get("tags", [])]
    return result
