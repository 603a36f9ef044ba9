"""The method bank's controlled vocabularies as the site first ships them, and which of their
terms answer a weak result on a statistics indicator.

Editors manage the terms in the admin afterwards (methods.Term); migration 0004 creates these,
and the tests' factories find or create them by slug. The eight types of intervention are the
seeds' own list ("Types of interventions"); the target groups, phases, levels and organisers are
those the method bank's brief names (issue 16). A slug is part of shareable links
(`/metoder/?malgrupp=hog-franvaro`), so it stays when a name is edited.
"""

from __future__ import annotations

from typing import NamedTuple


class DefaultTerm(NamedTuple):
    slug: str
    name_sv: str
    name_en: str


# By vocabulary (methods.models.Vocabulary values), in the order the finder lists them.
DEFAULT_TERMS: dict[str, list[DefaultTerm]] = {
    "target_group": [
        DefaultTerm(
            "elever-i-riskzon",
            "Elever som riskerar att avbryta sina studier",
            "Students at risk of dropping out",
        ),
        DefaultTerm("hog-franvaro", "Elever med hög frånvaro", "Students with high absence"),
        DefaultTerm("nyanlanda", "Nyanlända elever", "Newly arrived students"),
        DefaultTerm(
            "introduktionsprogram",
            "Elever på introduktionsprogram",
            "Students in introduction programmes",
        ),
        DefaultTerm(
            "unga-som-lamnat-skolan",
            "Unga som lämnat skolan (det kommunala aktivitetsansvaret)",
            "Young people who have left school (the municipal activity responsibility)",
        ),
        DefaultTerm(
            "arskurs-8-9",
            "Elever i årskurs 8–9 inför övergången",
            "Year 8–9 pupils before the transition",
        ),
        DefaultTerm("alla-elever", "Alla elever", "All students"),
    ],
    "intervention_type": [
        DefaultTerm("mentorskap", "Mentorskap och coachning", "Mentoring and coaching"),
        DefaultTerm(
            "identifiering",
            "Identifiering och kartläggning av elever i riskzon",
            "Identifying and surveying students at risk",
        ),
        DefaultTerm(
            "overgangar",
            "Övergång mellan grundskola och gymnasieskola",
            "Transition from compulsory to upper secondary school",
        ),
        DefaultTerm(
            "franvaro",
            "Uppföljning av unga med hög frånvaro",
            "Following up young people with high absence",
        ),
        DefaultTerm(
            "sjalvkansla", "Metoder för att stärka självkänslan", "Methods to increase self-esteem"
        ),
        DefaultTerm("motiverande-samtal", "Motiverande samtal", "Motivational interviewing"),
        DefaultTerm("studiestod", "Studiestöd", "Academic support"),
        DefaultTerm(
            "helhetsstod",
            "Helhetsstöd (studier och socioemotionellt stöd)",
            "Holistic support (academic and socio-emotional)",
        ),
    ],
    "phase": [
        DefaultTerm(
            "overgang",
            "Övergången från grundskola till gymnasieskola",
            "Transition from compulsory to upper secondary school",
        ),
        DefaultTerm("under-gymnasiet", "Under gymnasiet", "During upper secondary school"),
        DefaultTerm("efter-avbrott", "Efter avbrott", "After leaving school"),
    ],
    "prevention_level": [
        DefaultTerm("framjande", "Främjande", "Promoting"),
        DefaultTerm("forebyggande", "Förebyggande", "Preventive"),
        DefaultTerm("atgardande", "Åtgärdande", "Remedial"),
    ],
    "scope": [
        DefaultTerm("individ", "Individ", "Individual"),
        DefaultTerm("grupp", "Grupp", "Group"),
        DefaultTerm("organisation", "Organisation", "Organisation"),
    ],
    "organiser": [
        DefaultTerm("skola", "Skola", "School"),
        DefaultTerm("kommun", "Kommun", "Municipality"),
        DefaultTerm("socialtjanst", "Socialtjänst", "Social services"),
        DefaultTerm("arbetsformedlingen", "Arbetsförmedlingen", "Public Employment Service"),
        DefaultTerm("region", "Region", "Region"),
        DefaultTerm("civilsamhallet", "Civilsamhället", "Civil society"),
    ],
}


class Addresses(NamedTuple):
    """The terms of methods that work on what an indicator measures (vocabulary → slugs)."""

    intervention_type: tuple[str, ...] = ()
    target_group: tuple[str, ...] = ()


# "Från statistik till handling": for a municipality's weakest indicator (Kolada KPI), the
# methods of these types or for these target groups. An indicator not listed has none.
ADDRESSES: dict[str, Addresses] = {
    # Study grant withdrawn for unexcused absence.
    "N17625": Addresses(("franvaro",), ("hog-franvaro",)),
    # Year 9 students eligible for a vocational programme.
    "N15428": Addresses(("overgangar", "studiestod"), ("arskurs-8-9",)),
    # Diploma, and eligibility for higher education, within 4 years.
    "N17461": Addresses(("mentorskap", "identifiering", "helhetsstod"), ("elever-i-riskzon",)),
    "N17538": Addresses(("mentorskap", "identifiering", "helhetsstod"), ("elever-i-riskzon",)),
}


def ensure_default_terms(term_model) -> dict[tuple[str, str], object]:
    """Create the default terms that are missing (by vocabulary and slug; existing ones are
    left as editors made them). `term_model`: methods.Term, or its historical model in a
    migration. Returns every default term by (vocabulary, slug)."""
    terms = {}
    for vocabulary, defaults in DEFAULT_TERMS.items():
        for position, default in enumerate(defaults, start=1):
            term, _created = term_model.objects.get_or_create(
                vocabulary=vocabulary,
                slug=default.slug,
                defaults={
                    "name_sv": default.name_sv,
                    "name_en": default.name_en,
                    "position": position * 10,
                },
            )
            terms[vocabulary, term.slug] = term
    return terms
