import re

from django.core import mail
from django.urls import reverse
from django.utils import translation

STRONG_PASSWORD = "Lila-kaffekopp-1987"


def url(name: str, language: str = "sv", *args, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, args=args or None, kwargs=kwargs or None)


def link_in_last_mail(pattern: str) -> str:
    """The path of the first link in the last e-mail whose address matches `pattern`."""
    body = mail.outbox[-1].body
    for link in re.findall(r"https?://[^\s]+", body):
        if re.search(pattern, link):
            return re.sub(r"^https?://[^/]+", "", link)
    raise AssertionError(f"no link matching {pattern!r} in:\n{body}")
