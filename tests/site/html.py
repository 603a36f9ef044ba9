"""A small reader for rendered pages: headings, landmarks, elements by attribute.

The standard library's parser is enough here, and keeps the tests free of another dependency.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list["Element"] = field(default_factory=list)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)


class Page(HTMLParser):
    """Every element of a page in document order, each with its text content."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.elements.append(element)
        if self._open:
            self._open[-1].children.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_endtag(self, tag):
        for index in range(len(self._open) - 1, -1, -1):
            if self._open[index].tag == tag:
                del self._open[index:]
                return

    def handle_data(self, data):
        for element in self._open:
            element.text += data

    def find_all(self, tag: str | None = None, **attrs: str) -> list[Element]:
        found = []
        for element in self.elements:
            if tag and element.tag != tag:
                continue
            if all(
                element.attrs.get(name.replace("_", "-")) == value for name, value in attrs.items()
            ):
                found.append(element)
        return found

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        found = self.find_all(tag, **attrs)
        assert found, f"no <{tag}> with {attrs}"
        return found[0]

    def by_id(self, element_id: str) -> Element:
        return self.find(id=element_id)

    def headings(self) -> list[tuple[int, str]]:
        return [
            (int(e.tag[1]), " ".join(e.text.split()))
            for e in self.elements
            if e.tag in {"h1", "h2", "h3", "h4", "h5", "h6"}
        ]

    @property
    def html_lang(self) -> str | None:
        return self.find("html").get("lang")


def page(response) -> Page:
    return Page(response.content.decode())


def text(response) -> str:
    """The page's visible text with whitespace collapsed, for phrase checks."""
    parsed = page(response)
    return " ".join(parsed.find("body").text.split())
