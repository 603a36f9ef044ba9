import json
import logging

import pytest
from django.contrib.auth import authenticate
from django.test import RequestFactory

from infra.jsonlog import JsonFormatter


def test_log_records_become_one_json_object_with_their_extra_fields():
    record = logging.makeLogRecord(
        {"name": "x", "levelname": "ERROR", "msg": "boom %s", "args": ("å",), "event": "e"}
    )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "boom å"
    assert entry["level"] == "ERROR"
    assert entry["event"] == "e"
    assert entry["time"].endswith("+00:00")


def test_an_exception_is_logged_with_its_traceback():
    try:
        raise ValueError("bad")
    except ValueError:
        import sys

        record = logging.makeLogRecord({"msg": "failed", "exc_info": sys.exc_info()})
    entry = json.loads(JsonFormatter().format(record))
    assert "ValueError: bad" in entry["exception"]


@pytest.mark.django_db
def test_a_failed_login_is_logged_with_the_name_tried_but_never_the_password(user, caplog):
    request = RequestFactory().post("/admin/login/", REMOTE_ADDR="192.0.2.7")
    with caplog.at_level("WARNING", logger="pluginnovation.security"):
        assert authenticate(request, username=user.username, password="wrong-secret-9") is None
    record = next(r for r in caplog.records if r.name == "pluginnovation.security")
    assert record.event == "login_failed"
    assert record.username == user.username
    assert record.client == "192.0.2.7"
    line = JsonFormatter().format(record)
    assert "wrong-secret-9" not in line
    assert json.loads(line)["event"] == "login_failed"


@pytest.mark.django_db
def test_a_server_error_is_logged_as_json(client, caplog):
    from unittest import mock

    client.raise_request_exception = False
    with (
        mock.patch("pluginnovation.views.render", side_effect=RuntimeError("kaputt")),
        caplog.at_level("ERROR", logger="django.request"),
    ):
        assert client.get("/").status_code == 500
    record = next(r for r in caplog.records if r.name == "django.request")
    entry = json.loads(JsonFormatter().format(record))
    assert entry["path"] == "/" and entry["status_code"] == 500
    assert "RuntimeError: kaputt" in entry["exception"]
