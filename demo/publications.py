"""The five literature items of the original home page ("Exempel på litteratur").

A publication keeps its original title in both languages, and its tags exactly as the seed lists
them. The type is set where the seed states it (a tag "Forskning", "Kunskapsöversikt" or
"Litteratur", or Hattie's "Kunskapsöversikt" next to his name); the Canadian review is tagged both
"Kunskapsöversikt" and "Litteratur" and gets the narrower type, research review. The seeds give
no summaries, publishers, links or languages for them.
"""


def _title(text: str) -> dict[str, str]:
    return {"title_sv": text, "title_en": text}


ITEMS = [
    {
        "slug": "detta-ideliga-motande",
        **_title(
            "Detta ideliga mötande: En studie av hur kommunikation och samspel konstituerar "
            "gymnasieelevers skolpraktik"
        ),
        "authors": "Möllås, G.",
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
        "authors": "John Hattie",
        "year": 2009,
        "publication_type": "kunskapsoversikt",
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
        "authors": "Hamre, BK, Pianta, RC",
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
        "authors": "Utbildningsstyrelsen i Finland",
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
        "authors": "Abrami, P.C., Bernard, R., Schmid, R.M., Janosz, M., Wade, A., Gerard, C.",
        "year": 2008,
        "publication_type": "kunskapsoversikt",
        "tags": [
            "Elever som riskerar att göra studieavbrott",
            "Kunskapsöversikt",
            "Internationellt",
            "Litteratur",
        ],
    },
]
