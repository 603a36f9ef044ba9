"""The two research summaries of the original home page ("Exempel på forskningssammanfattningar").

The seed gives each a title and a short text, and names no publications they draw on.
"""

ITEMS = [
    {
        "slug": "fran-policy-och-forskning-till-praktik",
        "title_sv": "Från policy och forskning till praktik",
        "title_en": "From policy and research to practice",
        "summary_sv": (
            "Varför stannar eleverna i skolan? Och vilka är orsakerna till att vissa avbryter sina "
            "studier?"
        ),
        "summary_en": (
            "Why do students stay in school? And what are the reasons why some drop out of their "
            "studies?"
        ),
        "body_sv": (
            "Sammanställningen baseras på en analys av resultaten från ett stort antal program som "
            "arbetar för att motverka studieavbrott."
        ),
        "body_en": (
            "The compilation is based on an analysis of the results of a large number of "
            "programmes that work to prevent dropping out."
        ),
    },
    {
        "slug": "fungerande-program-och-metoder",
        "title_sv": "Fungerande program och metoder",
        "title_en": "Programmes and methods that work",
        "summary_sv": (
            "En större jämförande sammanställning av vilka program och metoder som fungerar inom "
            "grundskolan och gymnasiet när det gäller arbetet med att motverka studieavbrott och att "
            "få elever att stanna kvar i skolan."
        ),
        "summary_en": (
            "A larger comparative compilation of which programmes and methods work in compulsory "
            "and upper secondary school when it comes to preventing dropping out and getting "
            "students to stay in school."
        ),
    },
]
