"""Synonym groups from the seeds' own vocabulary (Artikelsök searches each entry's group too).

The abbreviations and their long forms as the seeds write them (SYV for studie- och
yrkesvägledare, KIA for det kommunala informationsansvaret, IM for introduktionsprogram), its
successor KAA (det kommunala aktivitetsansvaret), and the words the seeds use for leaving
school early in either language. One group a line, entries separated by commas, as editors
write them in the admin.
"""

GROUPS = {
    "sv": "\n".join(
        [
            "SYV, studie- och yrkesvägledare, studie- och yrkesvägledning",
            "KIA, kommunala informationsansvaret, KAA, kommunala aktivitetsansvaret",
            "IM, introduktionsprogram",
            "avhopp, studieavbrott, avbrott",
            "skolk, ogiltig frånvaro",
        ]
    ),
    "en": "\n".join(
        [
            "dropout, dropping out, early school leaving",
            "KIA, municipal information responsibility",
        ]
    ),
}
