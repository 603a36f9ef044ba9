"""The three case studies of Plug In 2.0 ("Exempel på fallstudier" on the original home page).

The case studies were made in Plug In 2.0 (autumn 2015 to the end of 2018). The seeds name no
results for them, so `results_*` stays empty; the tags come from the seeds' own tag vocabulary.
"""

PERIOD = "2015–2018 (Plug In 2.0)"
# The same period as years: each page shows its municipality's figures around them.
FIRST_YEAR, LAST_YEAR = 2015, 2018

ITEMS = [
    {
        "slug": "plug-in-partille-porten",
        "municipality": "1402",
        "regions": ["14"],
        "municipalities": ["1402"],
        "period": PERIOD,
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "tags": ["Samverkan"],
        "title_sv": "Plug In Partille – Porten",
        "title_en": "Plug In Partille – Porten",
        "summary_sv": (
            "Plug In Partille – Porten i Göteborgsregionen representerar exempel på utveckling av "
            "arbete med ungdomar som avbrutit sina studier samt en utveckling av det kommunala "
            "informationsansvaret (KIA)."
        ),
        "summary_en": (
            "Plug In Partille – Porten, in the Gothenburg Region, is an example of developing the "
            "work with young people who have dropped out of their studies, and of developing the "
            "municipal information responsibility (KIA)."
        ),
        "body_sv": (
            "Ett multikompetent team bildades för att utföra arbetet och bemanna verksamheten. "
            "Teamet leddes av projektledaren och bestod av jobbcoach, fältassistent, "
            "socialsekreterare, fritidsledare, arbetsförmedlare, kurator och studie- och "
            "yrkesvägledare."
        ),
        "body_en": (
            "A multi-professional team was formed to carry out the work and staff the service. "
            "The team was led by the project manager and consisted of a job coach, a field worker, "
            "a social worker, a youth leader, an employment officer, a school counsellor and a "
            "study and career guidance counsellor."
        ),
        "team_sv": (
            "Projektledaren (som ledde teamet), jobbcoach, fältassistent, socialsekreterare, "
            "fritidsledare, arbetsförmedlare, kurator och studie- och yrkesvägledare."
        ),
        "team_en": (
            "The project manager (who led the team), a job coach, a field worker, a social "
            "worker, a youth leader, an employment officer, a school counsellor and a study and "
            "career guidance counsellor."
        ),
        "what_was_done_sv": (
            "Arbetet med ungdomar som avbrutit sina studier och det kommunala informationsansvaret "
            "(KIA) utvecklades. Ett multikompetent team bildades för att utföra arbetet och "
            "bemanna verksamheten."
        ),
        "what_was_done_en": (
            "The work with young people who have dropped out of their studies and the municipal "
            "information responsibility (KIA) were developed. A multi-professional team was formed "
            "to carry out the work and staff the service."
        ),
    },
    {
        "slug": "plug-in-ljungby",
        "municipality": "0781",
        "regions": ["07"],
        "municipalities": ["0781"],
        "period": PERIOD,
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "tags": ["Gymnasieskolan", "Elever som riskerar att göra studieavbrott"],
        "title_sv": "Plug In Ljungby",
        "title_en": "Plug In Ljungby",
        "summary_sv": (
            "Plug In Ljungby representerar exempel i regionen Kalmar-södra Småland på utveckling "
            "av förebyggande arbete för att motverka studieavbrott i gymnasieskolan."
        ),
        "summary_en": (
            "Plug In Ljungby is an example from the Kalmar–Southern Småland region of developing "
            "preventive work against dropping out of upper secondary school."
        ),
        "body_sv": (
            "Projektet bestod av flera delar: Ett nytt resurscentrum som var öppet för alla "
            "elever, förstärkt studie- och yrkesvägledning för alla elever i årskurs 1 samt en "
            "coach med uppgift att fånga upp och arbeta förebyggande med de elever som riskerat att "
            "avbryta sina studier på grund av frånvaro."
        ),
        "body_en": (
            "The project consisted of several parts: a new resource centre open to all students, "
            "strengthened study and career guidance for all students in year 1, and a coach whose "
            "task was to identify, and work preventively with, the students who were at risk of "
            "dropping out of their studies because of absence."
        ),
        "what_was_done_sv": (
            "Ett nytt resurscentrum som var öppet för alla elever.\n"
            "Förstärkt studie- och yrkesvägledning för alla elever i årskurs 1.\n"
            "En coach som fångade upp och arbetade förebyggande med de elever som riskerat att "
            "avbryta sina studier på grund av frånvaro."
        ),
        "what_was_done_en": (
            "A new resource centre open to all students.\n"
            "Strengthened study and career guidance for all students in year 1.\n"
            "A coach who identified, and worked preventively with, the students who were at risk "
            "of dropping out of their studies because of absence."
        ),
    },
    {
        "slug": "plug-in-harryda",
        "municipality": "1401",
        "regions": ["14"],
        "municipalities": ["1401"],
        "period": PERIOD,
        "first_year": FIRST_YEAR,
        "last_year": LAST_YEAR,
        "tags": [
            "Gymnasieskolan",
            "Mentorskapsarbete",
            "Elever som riskerar att göra studieavbrott",
        ],
        # The seed writes "Utökad mentorskap"; mentorskap is neuter, hence "Utökat".
        "title_sv": "Plug In Härryda – Utökat mentorskap och coachning",
        "title_en": "Plug In Härryda – Extended mentoring and coaching",
        "summary_sv": (
            "Plug In Härryda – Utökat mentorskap och coachning representerar exempel i "
            "Göteborgsregionen på utveckling av förebyggande arbete för att motverka studieavbrott "
            "i gymnasieskolan."
        ),
        "summary_en": (
            "Plug In Härryda – Extended mentoring and coaching is an example from the Gothenburg "
            "Region of developing preventive work against dropping out of upper secondary school."
        ),
        "body_sv": (
            "Projektet bestod av en utveckling av mentorskapsarbetet på kommunens gymnasieskola "
            "för att fånga upp och arbeta förebyggande med de elever som riskerat att avbryta sina "
            "studier. Detta genom utökad tid och ett mer styrt innehåll av mentorstiden."
        ),
        "body_en": (
            "The project developed the mentoring work at the municipality's upper secondary school "
            "in order to identify, and work preventively with, the students who were at risk of "
            "dropping out of their studies. This was done by giving mentoring more time and a more "
            "structured content."
        ),
        "what_was_done_sv": (
            "Mentorskapsarbetet på kommunens gymnasieskola utvecklades genom utökad tid och ett "
            "mer styrt innehåll av mentorstiden."
        ),
        "what_was_done_en": (
            "The mentoring work at the municipality's upper secondary school was developed by "
            "giving mentoring more time and a more structured content."
        ),
    },
]
