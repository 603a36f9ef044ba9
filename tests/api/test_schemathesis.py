"""Schemathesis against a live server: every endpoint and parameter of the schema, valid and
invalid input, with every check (no server error; statuses, content types, headers and bodies
as the schema says; invalid input refused)."""

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from api.core import api

from .conftest import build_bank

pytestmark = pytest.mark.django_db(transaction=True)

CONFIG = Path(__file__).with_name("schemathesis.toml")
SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
# Per operation, after the examples and the boundary cases of the coverage phase.
EXAMPLES = 30


@pytest.fixture
def _quiet_request_log():
    """Thousands of refused requests (as they should be) would each log a warning."""
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    yield
    logger.setLevel(level)


def test_schemathesis_finds_no_failure_in_any_endpoint(
    live_server, settings, tmp_path, _quiet_request_log
):
    settings.API_RATE_LIMIT = 1_000_000
    build_bank()
    run = subprocess.run(  # noqa: S603 - the venv's own schemathesis, on our own server
        [
            str(SCHEMATHESIS),
            "--config-file",
            str(CONFIG),
            "run",
            f"{live_server.url}/api/v1/openapi.json",
            "--url",
            live_server.url,
            "--checks",
            "all",
            "--phases",
            "examples,coverage,fuzzing",
            "--max-examples",
            str(EXAMPLES),
            "--seed",
            "20261203",
            "--workers",
            "1",
            "--request-timeout",
            "30",
            "--suppress-health-check",
            "too_slow,filter_too_much",
            "--report",
            "junit",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=tmp_path,  # its cache of earlier crashes, out of the repository
    )
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-5000:]
    # It ran every operation (a schema it could not read would test none).
    operations = len(api.get_openapi_schema()["paths"])
    assert f"Tested: {operations}" in run.stdout, run.stdout[-3000:]
