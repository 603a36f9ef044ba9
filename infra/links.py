"""Links to the page being drawn with some of its GET parameters changed."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import QueryDict


class Links:
    """Links to these results with some parameters changed: `link(typ="metoder", year=None)`.

    A page has a hundred such links; the parameters are read once (copying a QueryDict for
    each link took a tenth of the page's time). The page number is always left out: a changed
    selection starts on its first page.
    """

    def __init__(self, params: QueryDict):
        self.pairs = [
            (name, value) for name, values in params.lists() if name != "page" for value in values
        ]

    def __call__(self, **changes) -> str:
        """The query string with each named parameter replaced (None or [] removes it)."""
        pairs = [(name, value) for name, value in self.pairs if name not in changes]
        for name, value in changes.items():
            if value is not None:
                pairs.extend(
                    (name, str(item)) for item in (value if isinstance(value, list) else [value])
                )
        encoded = urlencode(pairs)
        return f"?{encoded}" if encoded else "?"

    def values(self, name: str) -> list[str]:
        return [value for key, value in self.pairs if key == name]

    def without(self, name: str, value: str) -> str:
        """The link with one value of a repeated parameter taken out."""
        return self(**{name: [other for other in self.values(name) if other != value] or None})
