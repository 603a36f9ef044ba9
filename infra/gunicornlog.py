"""gunicorn's own log lines (start, workers, errors, access) as JSON lines like the app's.

Each line names its instance (the address it serves), so the logs of several gunicorn instances
on one host can be told apart when they end up in one journal.
"""

import logging

from gunicorn import glogging

from infra.client import client_address
from infra.jsonlog import JsonFormatter


class GunicornJsonFormatter(JsonFormatter):
    def __init__(self, instance: str):
        super().__init__()
        self.instance = instance

    def format(self, record: logging.LogRecord) -> str:
        record.instance, record.pid = self.instance, record.process
        if record.name == "gunicorn.access" and isinstance(record.args, dict):
            atoms = record.args
            # The message stays the short request line; the fields say the rest.
            record.msg, record.args = "%s %s %s", (atoms["m"], atoms["U"], atoms["s"])
            record.method, record.path, record.status = atoms["m"], atoms["U"], atoms["s"]
            record.query = atoms.get("q") or ""
            record.bytes = atoms.get("B")
            record.duration_ms = round(atoms.get("D", 0) / 1000, 1)
            record.client = client_address(
                {
                    "REMOTE_ADDR": atoms.get("h", ""),
                    "HTTP_X_FORWARDED_FOR": atoms.get("{x-forwarded-for}i", "").strip("-"),
                }
            )
            record.user_agent = atoms.get("a")
        return super().format(record)


class JsonLogger(glogging.Logger):
    """gunicorn's logger (settings `errorlog`, `accesslog` keep their meaning), writing JSON."""

    def setup(self, cfg) -> None:
        super().setup(cfg)
        formatter = GunicornJsonFormatter(instance=cfg.proc_name or ",".join(cfg.bind))
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(formatter)
