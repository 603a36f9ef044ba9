"""Settings of the site that tests/servers.py starts under gunicorn: production's, with the test
run's password hasher, so that users a test creates can log in there too."""

import os

from pluginnovation.settings import *  # noqa: F403

if os.environ.get("TEST_PASSWORD_HASHERS"):
    PASSWORD_HASHERS = os.environ["TEST_PASSWORD_HASHERS"].split(",")
