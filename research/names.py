"""Authors of a publication: an ordered list of names, each a person or an organisation.

A name is stored as CSL-JSON writes it, so the list goes to and from reference managers
unchanged: a person is {"family": "Abrami", "given": "P.C."} (the given names may be missing),
an organisation {"literal": "Utbildningsstyrelsen i Finland"}.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_AUTHORS = 200
MAX_NAME_LENGTH = 200
# Cards and lists name up to this many authors, else the first one and "m.fl." / "et al.".
SHOWN_AUTHORS = 3


def person(family: str, given: str = "") -> dict[str, str]:
    name = {"family": family.strip()}
    if given.strip():
        name["given"] = given.strip()
    return name


def organisation(name: str) -> dict[str, str]:
    return {"literal": name.strip()}


def is_organisation(name: dict) -> bool:
    return "literal" in name


def parse_name(text: str) -> dict[str, str]:
    """A name as reference managers write it in one field: "Family, Given" is a person; a
    name without a comma is an organisation (RIS and Zotero write organisations so), unless
    `text` is braced as in BibTeX ("{Utbildningsstyrelsen i Finland}") which is one too."""
    text = " ".join(text.split())
    if text.startswith("{") and text.endswith("}"):
        return organisation(text[1:-1])
    family, comma, given = text.partition(",")
    if comma and family.strip():
        return person(family, given)
    return organisation(text)


def validate_authors(value) -> None:
    """The stored list: a list of persons (a family name, perhaps given names) and
    organisations (a name), each part a short text."""
    if not isinstance(value, list):
        raise ValidationError(gettext_lazy("The authors must be a list."), code="not_a_list")
    if len(value) > MAX_AUTHORS:
        raise ValidationError(
            gettext_lazy("At most %(limit)d authors."),
            code="too_many_authors",
            params={"limit": MAX_AUTHORS},
        )
    for position, name in enumerate(value, start=1):
        if not isinstance(name, dict) or not name:
            raise ValidationError(_("Author %(n)d is not a name.") % {"n": position})
        keys = set(name)
        if keys not in ({"literal"}, {"family"}, {"family", "given"}):
            raise ValidationError(
                _(
                    "Author %(n)d must be a person (family name, given names) or an organisation, not both."
                )
                % {"n": position}
            )
        for part in name.values():
            if not isinstance(part, str) or not part.strip() or len(part) > MAX_NAME_LENGTH:
                raise ValidationError(
                    _("Author %(n)d: each part of a name is a text of 1 to %(limit)d characters.")
                    % {"n": position, "limit": MAX_NAME_LENGTH}
                )


def display_name(name: dict) -> str:
    """ "Abrami, P.C." for a person, the name for an organisation."""
    if is_organisation(name):
        return name["literal"]
    return ", ".join(part for part in (name["family"], name.get("given", "")) if part)


def full_list(names: list[dict]) -> str:
    """Every author: "Hamre, B.K. & Pianta, R.C."; "A, X., B, Y. & C, Z."."""
    shown = [display_name(name) for name in names]
    if len(shown) < 2:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " & " + shown[-1]


def short_list(names: list[dict]) -> str:
    """Up to SHOWN_AUTHORS authors in full, else the first and "m.fl." / "et al."."""
    if len(names) > SHOWN_AUTHORS:
        return _("%(first)s et al.") % {"first": display_name(names[0])}
    return full_list(names)


def plain_text(names: list[dict]) -> str:
    """Every name, for the search index: "Abrami, P.C.; Bernard, R."."""
    return "; ".join(display_name(name) for name in names)


def one_a_line(names: list[dict]) -> str:
    """Every name on a line of its own (an admin's comparison of two versions)."""
    return "\n".join(display_name(name) for name in names)


def folded(text: str) -> str:
    """Text for comparing names and titles: case, accents, punctuation and spacing ignored
    ("Möllås" = "Mollas", "Visible learning:" = "visible learning")."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.sub(r"[^\w]+", " ", letters).split())


def sort_key(names: list[dict]) -> str:
    """The first author's family name (or organisation), folded: for sorting and matching."""
    if not names:
        return ""
    first = names[0]
    return folded(first["literal"] if is_organisation(first) else first["family"])
