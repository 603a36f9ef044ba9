"""Sections that the apps above the statistics add to an area's statistics page.

The statistics know nothing of methods or case studies, so the apps that do register here
what they have to show about a municipality: the page draws each registered section that has
something to say, in the order of `position`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class AreaSection:
    # The template drawn inside the page; it gets the page's context and `section`.
    template: str
    # The section's own context for an area and the page's context, or None to leave it out.
    context: Callable[[object, dict], dict | None]
    position: int = 100


_sections: list[AreaSection] = []


def add_area_section(section: AreaSection) -> None:
    if section not in _sections:
        _sections.append(section)
        _sections.sort(key=lambda item: item.position)


def area_sections(area, page_context: dict) -> list[dict]:
    """[{"template": …, "context": …}] of every section with something to show about `area`."""
    drawn = []
    for section in _sections:
        context = section.context(area, page_context)
        if context is not None:
            drawn.append({"template": section.template, "context": context})
    return drawn
