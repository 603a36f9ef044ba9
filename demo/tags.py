"""The English names of the seeds' tags.

The seeds name tags in Swedish only; these are their translations, so that the English pages
read in English (a tag without one shows its Swedish name, marked as Swedish).
"""

ENGLISH_NAMES = {
    "Elevcentrerad struktur": "Student-centred structure",
    "Elever som riskerar att göra studieavbrott": "Students at risk of dropping out",
    "Forskning": "Research",
    "Färdighetsträning": "Skills training",
    "Grundskolan": "Compulsory school",
    "Gymnasieskolan": "Upper secondary school",
    "Internationellt": "International",
    "Introduktionsprogram": "Introductory programmes",
    "Kunskapsöversikt": "Research review",
    "Litteratur": "Literature",
    "Lärlingsutbildning": "Apprenticeship",
    "Lärmiljö": "Learning environment",
    "Mentorskapsarbete": "Mentoring",
    "Positiva relationer": "Positive relationships",
    "Relationell pedagogik": "Relational pedagogy",
    "Samverkan": "Collaboration",
    "Samverkan inom skolan": "Collaboration within the school",
    "Studieförberedande program": "Higher education preparatory programmes",
    "Studieplaner och struktur": "Study plans and structure",
    "Studiestöd": "Study support",
    "Sverige": "Sweden",
    "Undervisning/pedagogik": "Teaching and pedagogy",
    "Utveckling av rutiner i det förebyggande arbetet": "Developing routines for prevention",
    "Utveckling av särskilt stöd": "Developing special support",
    "Yrkesprogram": "Vocational programmes",
    "bemötande": "how students are met",
    "förhållningssätt": "approach",
    "språkintroduktion": "language introduction",
    "yrkesintroduktion": "vocational introduction",
}
