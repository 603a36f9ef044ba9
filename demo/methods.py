"""The methods the three case studies describe, each linked to its case study.

Only the structured values the seed text states are set ("terms": slugs of the vocabularies in
methods/vocabulary.py, by vocabulary); what it does not state stays empty and reads "Not
stated". E.g. the seeds call Ljungby's and Härryda's work preventive ("förebyggande arbete"),
but say nothing of the level of Partille's team, nor of any method's scope. The evidence ratings
stay "not assessed" (the model's default), and the seeds give no cost, time to get started,
staff and training needs, contacts or review dates.
"""

ITEMS = [
    {
        "slug": "multikompetent-team-for-unga-som-avbrutit-studierna",
        "related": ["plug-in-partille-porten"],
        "regions": ["14"],
        "municipalities": ["1402"],
        "tags": ["Samverkan"],
        "terms": {
            # "ungdomar som avbrutit sina studier samt … det kommunala informationsansvaret"
            "target_group": ["unga-som-lamnat-skolan"],
            "phase": ["efter-avbrott"],
            # The team: a social worker, an employment officer, the municipality's staff.
            "organiser": ["kommun", "socialtjanst", "arbetsformedlingen"],
        },
        "title_sv": "Multikompetent team för unga som avbrutit sina studier",
        "title_en": "Multi-professional team for young people who have left school",
        "target_group_sv": "Ungdomar som avbrutit sina studier.",
        "target_group_en": "Young people who have dropped out of their studies.",
        "summary_sv": (
            "Ett multikompetent team som arbetar med ungdomar som avbrutit sina studier, så som "
            "Plug In Partille – Porten arbetade."
        ),
        "summary_en": (
            "A multi-professional team working with young people who have dropped out of their "
            "studies, as in Plug In Partille – Porten."
        ),
        "body_sv": (
            "I Plug In Partille – Porten i Göteborgsregionen utvecklades arbetet med ungdomar som "
            "avbrutit sina studier samt det kommunala informationsansvaret (KIA).\n\n"
            "Ett multikompetent team bildades för att utföra arbetet och bemanna verksamheten. "
            "Teamet leddes av projektledaren och bestod av jobbcoach, fältassistent, "
            "socialsekreterare, fritidsledare, arbetsförmedlare, kurator och studie- och "
            "yrkesvägledare."
        ),
        "body_en": (
            "In Plug In Partille – Porten, in the Gothenburg Region, the work with young people who "
            "have dropped out of their studies and the municipal information responsibility (KIA) "
            "were developed.\n\n"
            "A multi-professional team was formed to carry out the work and staff the service. "
            "The team was led by the project manager and consisted of a job coach, a field worker, "
            "a social worker, a youth leader, an employment officer, a school counsellor and a "
            "study and career guidance counsellor."
        ),
    },
    {
        "slug": "oppet-resurscentrum",
        "related": ["plug-in-ljungby"],
        "regions": ["07"],
        "municipalities": ["0781"],
        "tags": ["Gymnasieskolan"],
        "terms": {
            "target_group": ["alla-elever"],
            "phase": ["under-gymnasiet"],
            "prevention_level": ["forebyggande"],
        },
        "title_sv": "Öppet resurscentrum för alla elever",
        "title_en": "Open resource centre for all students",
        "target_group_sv": "Alla elever i gymnasieskolan.",
        "target_group_en": "All students at the upper secondary school.",
        "summary_sv": "Ett nytt resurscentrum som är öppet för alla elever, så som i Plug In Ljungby.",
        "summary_en": "A new resource centre open to all students, as in Plug In Ljungby.",
        "body_sv": (
            "Plug In Ljungby i regionen Kalmar-södra Småland utvecklade förebyggande arbete för att "
            "motverka studieavbrott i gymnasieskolan. En av projektets delar var ett nytt "
            "resurscentrum som var öppet för alla elever.\n\n"
            "Projektets andra delar var förstärkt studie- och yrkesvägledning för alla elever i "
            "årskurs 1 och en coach som fångade upp och arbetade förebyggande med de elever som "
            "riskerat att avbryta sina studier på grund av frånvaro."
        ),
        "body_en": (
            "Plug In Ljungby, in the Kalmar–Southern Småland region, developed preventive work "
            "against dropping out of upper secondary school. One of the project's parts was a new "
            "resource centre open to all students.\n\n"
            "The project's other parts were strengthened study and career guidance for all "
            "students in year 1, and a coach who identified, and worked preventively with, the "
            "students who were at risk of dropping out of their studies because of absence."
        ),
    },
    {
        "slug": "forstarkt-studie-och-yrkesvagledning-i-arskurs-1",
        "related": ["plug-in-ljungby"],
        "regions": ["07"],
        "municipalities": ["0781"],
        "tags": ["Gymnasieskolan"],
        "terms": {
            "target_group": ["alla-elever"],
            "phase": ["under-gymnasiet"],
            "prevention_level": ["forebyggande"],
        },
        "title_sv": "Förstärkt studie- och yrkesvägledning i årskurs 1",
        "title_en": "Strengthened study and career guidance in year 1",
        "target_group_sv": "Alla elever i årskurs 1 i gymnasieskolan.",
        "target_group_en": "All students in year 1 of upper secondary school.",
        "summary_sv": (
            "Förstärkt studie- och yrkesvägledning för alla elever i årskurs 1, så som i "
            "Plug In Ljungby."
        ),
        "summary_en": (
            "Strengthened study and career guidance for all students in year 1, as in "
            "Plug In Ljungby."
        ),
        "body_sv": (
            "Plug In Ljungby i regionen Kalmar-södra Småland utvecklade förebyggande arbete för att "
            "motverka studieavbrott i gymnasieskolan. En av projektets delar var förstärkt studie- "
            "och yrkesvägledning för alla elever i årskurs 1.\n\n"
            "Projektets andra delar var ett nytt resurscentrum som var öppet för alla elever och en "
            "coach som fångade upp och arbetade förebyggande med de elever som riskerat att avbryta "
            "sina studier på grund av frånvaro."
        ),
        "body_en": (
            "Plug In Ljungby, in the Kalmar–Southern Småland region, developed preventive work "
            "against dropping out of upper secondary school. One of the project's parts was "
            "strengthened study and career guidance for all students in year 1.\n\n"
            "The project's other parts were a new resource centre open to all students, and a "
            "coach who identified, and worked preventively with, the students who were at risk of "
            "dropping out of their studies because of absence."
        ),
    },
    {
        "slug": "coach-for-elever-med-franvaro",
        "related": ["plug-in-ljungby"],
        "regions": ["07"],
        "municipalities": ["0781"],
        "tags": ["Gymnasieskolan", "Elever som riskerar att göra studieavbrott"],
        "terms": {
            # "elever som riskerat att avbryta sina studier på grund av frånvaro"
            "target_group": ["elever-i-riskzon", "hog-franvaro"],
            "intervention_type": ["franvaro"],
            "phase": ["under-gymnasiet"],
            "prevention_level": ["forebyggande"],
        },
        "title_sv": "Coach för elever som riskerar studieavbrott på grund av frånvaro",
        "title_en": "Attendance coach for students at risk of dropping out",
        "target_group_sv": "Elever som riskerar att avbryta sina studier på grund av frånvaro.",
        "target_group_en": "Students at risk of dropping out of their studies because of absence.",
        "summary_sv": (
            "En coach med uppgift att fånga upp och arbeta förebyggande med de elever som riskerar "
            "att avbryta sina studier på grund av frånvaro, så som i Plug In Ljungby."
        ),
        "summary_en": (
            "A coach whose task is to identify, and work preventively with, the students at risk "
            "of dropping out of their studies because of absence, as in Plug In Ljungby."
        ),
        "body_sv": (
            "Plug In Ljungby i regionen Kalmar-södra Småland utvecklade förebyggande arbete för att "
            "motverka studieavbrott i gymnasieskolan. En av projektets delar var en coach med "
            "uppgift att fånga upp och arbeta förebyggande med de elever som riskerat att avbryta "
            "sina studier på grund av frånvaro.\n\n"
            "Projektets andra delar var ett nytt resurscentrum som var öppet för alla elever och "
            "förstärkt studie- och yrkesvägledning för alla elever i årskurs 1."
        ),
        "body_en": (
            "Plug In Ljungby, in the Kalmar–Southern Småland region, developed preventive work "
            "against dropping out of upper secondary school. One of the project's parts was a "
            "coach whose task was to identify, and work preventively with, the students who were at "
            "risk of dropping out of their studies because of absence.\n\n"
            "The project's other parts were a new resource centre open to all students, and "
            "strengthened study and career guidance for all students in year 1."
        ),
    },
    {
        "slug": "utokat-mentorskap-och-coachning",
        "related": ["plug-in-harryda"],
        "regions": ["14"],
        "municipalities": ["1401"],
        "tags": [
            "Gymnasieskolan",
            "Mentorskapsarbete",
            "Elever som riskerar att göra studieavbrott",
        ],
        "terms": {
            "target_group": ["elever-i-riskzon"],
            "intervention_type": ["mentorskap"],
            "phase": ["under-gymnasiet"],
            "prevention_level": ["forebyggande"],
            # "mentorskapsarbetet på kommunens gymnasieskola"
            "organiser": ["skola"],
        },
        "title_sv": "Utökat mentorskap och coachning",
        "title_en": "Extended mentoring and coaching",
        "target_group_sv": ("Elever på gymnasieskolan som riskerar att avbryta sina studier."),
        "target_group_en": "Upper secondary school students at risk of dropping out of their studies.",
        "summary_sv": (
            "Mer tid och ett mer styrt innehåll i mentorstiden, för att fånga upp och arbeta "
            "förebyggande med de elever som riskerar att avbryta sina studier, så som i "
            "Plug In Härryda."
        ),
        "summary_en": (
            "More time and a more structured content for mentoring, to identify, and work "
            "preventively with, the students at risk of dropping out of their studies, as in "
            "Plug In Härryda."
        ),
        "body_sv": (
            "Plug In Härryda i Göteborgsregionen utvecklade mentorskapsarbetet på kommunens "
            "gymnasieskola för att fånga upp och arbeta förebyggande med de elever som riskerat att "
            "avbryta sina studier. Detta genom utökad tid och ett mer styrt innehåll av "
            "mentorstiden."
        ),
        "body_en": (
            "Plug In Härryda, in the Gothenburg Region, developed the mentoring work at the "
            "municipality's upper secondary school in order to identify, and work preventively "
            "with, the students who were at risk of dropping out of their studies. This was done by "
            "giving mentoring more time and a more structured content."
        ),
    },
]
