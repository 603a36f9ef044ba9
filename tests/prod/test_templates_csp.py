"""The strict Content-Security-Policy refuses inline code, so no template may contain any."""

import re
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
# The project's own templates (third-party packages are not ours to fix).
TEMPLATE_DIRS = [ROOT / "templates", *ROOT.glob("*/templates")]
TEMPLATES = sorted(
    {
        path
        for folder in TEMPLATE_DIRS
        for path in folder.rglob("*.html")
        if ".venv" not in path.parts
    }
)

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>(?P<body>.*?)</script>", re.S | re.I)
STYLE_ATTRIBUTE = re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I)
STYLE_ELEMENT = re.compile(r"<style\b", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)
JAVASCRIPT_URL = re.compile(r"""(href|src|action)\s*=\s*["']?\s*javascript:""", re.I)


def offences(text: str) -> list[str]:
    found = []
    for match in INLINE_SCRIPT.finditer(text):
        opening = match.group(0).split(">", 1)[0]
        # Data for a script (type="application/json") is not executed and CSP allows it.
        if match.group("body").strip() and "application/json" not in opening:
            found.append("inline <script> body")
    for pattern, what in [
        (STYLE_ATTRIBUTE, 'style="" attribute'),
        (STYLE_ELEMENT, "<style> element"),
        (EVENT_HANDLER, "on…= event handler attribute"),
        (JAVASCRIPT_URL, "javascript: URL"),
    ]:
        found += [what] * len(pattern.findall(text))
    return found


def test_the_scan_finds_what_it_looks_for():
    assert offences('<script>alert(1)</script><p style="color:red">') == [
        "inline <script> body",
        'style="" attribute',
    ]
    assert offences('<button onclick="x()">') == ["on…= event handler attribute"]
    assert offences('<script src="/static/js/a.js"></script><p class="x">') == []


def test_there_are_templates_to_scan():
    assert len(TEMPLATES) > 10


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_template_has_inline_scripts_or_styles(template):
    assert offences(template.read_text(encoding="utf-8")) == []
