"""The export formats' keys (research.citations.FORMATS) as the end of an address:
`<refformat:fmt>` in research's and accounts' URLs (importing this module registers it)."""

from django.urls import register_converter


class ReferenceFormat:
    regex = "ris|bib|json"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ReferenceFormat, "refformat")
