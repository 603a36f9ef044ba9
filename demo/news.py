"""News (Aktuellt). Only SKR's article of 28 October 2022 has a date in the seeds: it shows that
date (dated_on); the others show none.

The two news items of the original home page survive only as teasers that end in "…": they are
kept as they are, not completed. Their titles are the seminar's name and the conference's topic,
as the teasers give them. The three "Senaste artiklar" headlines of the original home page have no
text at all and are left out.
"""

import datetime

from .pages import (
    FIRST_PART,
    FUNDING,
    LEVELS,
    OVERVIEW,
    REACH,
    SECOND_PART,
    SECOND_PART_END,
    SUCCESS_FACTORS,
)


def _skr_article(code: str, headings: dict[str, str], contact: str) -> str:
    return "\n\n".join(
        [
            REACH[code],
            f"## {headings['success']}",
            SUCCESS_FACTORS[code],
            f"## {headings['levels']}",
            LEVELS[code],
            "## Plug In",
            FIRST_PART[code],
            SECOND_PART[code],
            f"## {headings['regions']}",
            SECOND_PART_END[code],
            FUNDING[code],
            contact,
        ]
    )


ITEMS = [
    {
        "slug": "sju-roster-for-skolrevolution",
        "title_sv": "Sju röster för skolrevolution",
        "title_en": "Seven voices for a school revolution",
        "summary_sv": ("Under årets Almedalsvecka hölls seminariet Sju röster för skolrevolution."),
        "summary_en": (
            "During this year's Almedalen Week, the seminar Seven voices for a school revolution "
            "(Sju röster för skolrevolution) was held."
        ),
        "body_sv": (
            "Tanken med seminariet var att lyfta frågan om en bättre och mer mångfaldsanpassad "
            "skola där alla unga får utrymme och stöd att växa. Sju unga personer deltog och "
            "berättade sin historia från skoltiden för att ge nya …"
        ),
        "body_en": (
            "The idea of the seminar was to raise the question of a better school, more adapted to "
            "diversity, where all young people are given room and support to grow. Seven young "
            "people took part and told their stories from their school days to give new …"
        ),
    },
    {
        "slug": "konferens-om-socialfondsprojekt-mot-studieavbrott",
        "title_sv": "Konferens om hur socialfondsprojekt kan motverka studieavbrott",
        "title_en": "Conference on how European Social Fund projects can prevent dropping out",
        "summary_sv": (
            "Tillsammans med Region Västerbotten och Temagruppen unga i arbetslivet arrangerar "
            "Plug In en konferens med fokus på hur socialfondsprojekt kan motverka studieavbrott."
        ),
        "summary_en": (
            "Together with Region Västerbotten and the theme group Youth in Working Life "
            "(Temagruppen unga i arbetslivet), Plug In is arranging a conference on how European "
            "Social Fund projects can prevent dropping out."
        ),
        "body_sv": "Konferensen vänder sig till dig som arbetar som projektledare …",
        "body_en": "The conference is aimed at you who work as a project manager …",
    },
    {
        "slug": "plug-in-minskar-studieavbrotten-pa-gymnasiet",
        "published": datetime.date(2022, 10, 28),
        # "Publicerad 28 oktober 2022": the item's own date, shown with it.
        "dated_on": datetime.date(2022, 10, 28),
        "related": ["framgangsfaktorer", "tre-nivaer-av-forebyggande-arbete"],
        "title_sv": "Plug In minskar studieavbrotten på gymnasiet",
        "title_en": "Plug In reduces dropping out of upper secondary school",
        "summary_sv": OVERVIEW["sv"],
        "summary_en": OVERVIEW["en"],
        "body_sv": _skr_article(
            "sv",
            {
                "success": "Framgångsfaktorer",
                "levels": "Viktigt med förebyggande arbete",
                "regions": "Regioner i Plug In 2.0",
            },
            "Informationsansvarig: Gunnar Anderzon, utredare.",
        ),
        "body_en": _skr_article(
            "en",
            {
                "success": "Success factors",
                "levels": "Preventive work matters",
                "regions": "Regions in Plug In 2.0",
            },
            "Information officer: Gunnar Anderzon, analyst.",
        ),
    },
    {
        "slug": "arbetet-mot-studieavbrott-fortsatter",
        "title_sv": "Arbetet med att förebygga avbrott från gymnasieskolan fortsätter",
        "title_en": "Prevention work on dropping out from upper secondary schools continues",
        "summary_sv": (
            "Plug In 2.0, en fortsättning på ”Plug In – Sveriges största samverkansprojekt för att "
            "förebygga avbrott från gymnasieskolan”, drog i gång i början av höstterminen 2015."
        ),
        "summary_en": (
            "Plug In 2.0, a continuation of ”Plug In – Sweden's largest cooperation project to "
            "prevent dropping out from upper secondary schools”, kicked off at the beginning of the "
            "autumn term 2015."
        ),
        "body_sv": """## Relationen mellan lärare och skolpersonal och elever i riskzonen för avbrott är avgörande

Unga som avbryter gymnasieskolan är en heterogen grupp, och orsakerna är många, även om det oftast handlar om en kombination av individuella och strukturella faktorer. Inom Plug In har grunden för att ge ett bra stöd som hjälper unga killar och tjejer att fullfölja sin utbildning utvecklats till ett individfokuserat arbetssätt som tar hänsyn till alla elevens behov. Det innebär bland annat att relationerna till lärare och annan skolpersonal lyfts fram som en avgörande faktor för elever som har en ostadig relation till sin skola.

Huvudfokus i det nya projektet är att arbeta vidare med och utveckla de områden i Plug In som har varit framgångsrika, med ambitionen att nå nationell och internationell framgång när det gäller strategisk påverkan. På lokal nivå ska projektet spela en positiv roll i de här unga vuxnas liv. Projektet väntas nå omkring 3 000 unga vuxna i ett 40-tal kommuner under projekttiden.

## Kunskap och inspiration på PlugInnovation.se

Den digitala plattformen PlugInnovation fortsätter att utvecklas i Plug In 2.0. Webbplatsen ger information om utvecklingen och forskningen på området. Här kan du läsa om och inspireras av hur andra kommuner arbetar för att minska skolfrånvaron, hitta effektivare studieplaner för nyanlända och stötta unga som har avbrutit sina studier att återuppta dem eller hitta annan sysselsättning.""",
        "body_en": """## The relationship between teachers and school staff and students in the dropout risk zone is crucial

Young people who drop out from upper secondary school are a heterogeneous group, dropping out for various reasons, although more often than not a combination of individual and structural factors. Within Plug In, the basis for providing good support to help young boys and girls in completing their education has evolved into an individual focused method that takes into account all student needs. This includes bringing relationships with teachers and other school staff to the fore as a decisive factor for students who have a desultory relationship with their school.

The main focus of the new project is on continuing work with and development of the Plug In areas that have met with success; the ambition being to attain national and international success in terms of strategic effect. At local level the project is aimed at playing a positive role in the private lives of these young adults. It is expected that the project will reach about 3,000 young adults spread over some 40 municipalities during the project period.

## Knowledge and inspiration at PlugInnovation.se

The PlugInnovation digital platform will continue to be developed in Plug In 2.0. The site provides information about developments and research in this field. You can read about and find inspiration from how other municipalities are working to reduce truancy, find more effective study plans for new arrivals and support young people who have dropped out by persuading them to resume their studies or find other occupations.""",
    },
]
