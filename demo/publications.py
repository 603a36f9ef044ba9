"""The five literature items of the original home page ("Exempel på litteratur").

A publication keeps its original title in both languages, and its tags exactly as the seed lists
them. The seed gives each its authors and year; the authors are written as names (family name,
given names or initials; an organisation as one name), the initials as the seed gives them
with their stops ("BK" is B.K.). The type is set where the seed states it (a tag "Forskning"
or "Litteratur", or Hattie's "Kunskapsöversikt" next to his name); the Canadian review calls
itself a systematic review in its title, and Hattie's book a synthesis of meta-analyses: that
is their study design, and the Canadian review's title names its context, Canadian research.
The seeds give no publishers, journals, dates, identifiers, links, abstracts or languages:
those stay empty and the pages say "Uppgift saknas" / "Not stated".
"""

from research.names import organisation, person


def _title(text: str) -> dict[str, str]:
    return {"title_sv": text, "title_en": text}


ITEMS = [
    {
        "slug": "detta-ideliga-motande",
        **_title(
            "Detta ideliga mötande: En studie av hur kommunikation och samspel konstituerar "
            "gymnasieelevers skolpraktik"
        ),
        "authors": [person("Möllås", "G.")],
        "year": 2009,
        "publication_type": "forskning",
        "tags": [
            "Gymnasieskolan",
            "Samverkan",
            "Samverkan inom skolan",
            "Mentorskapsarbete",
            "Utveckling av rutiner i det förebyggande arbetet",
            "Forskning",
            "Sverige",
        ],
    },
    {
        "slug": "visible-learning",
        # The seed writes "metaanalyses"; the book's title says "meta-analyses".
        **_title("Visible Learning. A synthesis of over 800 meta-analyses relating to achievement"),
        "authors": [person("Hattie", "John")],
        "year": 2009,
        "publication_type": "kunskapsoversikt",
        "study_design": "systematisk-oversikt",
        "tags": [
            "Undervisning/pedagogik",
            "Utveckling av särskilt stöd",
            "Gymnasieskolan",
            "Studieplaner och struktur",
            "förhållningssätt",
            "bemötande",
        ],
    },
    {
        "slug": "instructional-and-emotional-support-in-the-first-grade-classroom",
        **_title(
            "Can instructional and emotional support in the first-grade classroom make a "
            "difference for children at risk of school failure?"
        ),
        "authors": [person("Hamre", "B.K."), person("Pianta", "R.C.")],
        "year": 2005,
        "tags": [
            "Grundskolan",
            "Färdighetsträning",
            "Studiestöd",
            "Lärmiljö",
            "Elevcentrerad struktur",
            "Undervisning/pedagogik",
            "Relationell pedagogik",
            "Positiva relationer",
        ],
    },
    {
        "slug": "grunderna-for-gymnasiets-laroplan-2003",
        **_title("Grunderna för gymnasiets läroplan 2003"),
        "authors": [organisation("Utbildningsstyrelsen i Finland")],
        "year": 2003,
        "publication_type": "litteratur",
        "tags": [
            "Gymnasieskolan",
            "Studieförberedande program",
            "Yrkesprogram",
            "Lärlingsutbildning",
            "Introduktionsprogram",
            "yrkesintroduktion",
            "språkintroduktion",
            "Litteratur",
            "Sverige",
        ],
    },
    {
        "slug": "dropout-prevention-systematic-review",
        **_title(
            "Dropout prevention. Systematic Review: Reviewing the Evidence of Canadian Research"
        ),
        # The seed's punctuation ("Janosz, M .Wade, A.") tidied, the names unchanged.
        "authors": [
            person("Abrami", "P.C."),
            person("Bernard", "R."),
            person("Schmid", "R.M."),
            person("Janosz", "M."),
            person("Wade", "A."),
            person("Gerard", "C."),
        ],
        "year": 2008,
        "publication_type": "systematisk-oversikt",
        "study_design": "systematisk-oversikt",
        "context_sv": "Kanadensisk forskning",
        "context_en": "Canadian research",
        "tags": [
            "Elever som riskerar att göra studieavbrott",
            "Kunskapsöversikt",
            "Internationellt",
            "Litteratur",
        ],
    },
]
