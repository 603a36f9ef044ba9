# The authors' text read as a list of names, and a language named in words as its code.

from django.db import migrations


def _names(text):
    """The old text of authors as a list of names: "Family, Given, Family, Given" or
    "Family, Given; Family, Given" as persons; anything else is kept whole as one name."""
    text = " ".join(text.split())
    if not text:
        return []
    if ";" in text:
        parts = [part.strip() for part in text.split(";") if part.strip()]
        return [_name(part) for part in parts]
    pieces = [piece.strip() for piece in text.split(",")]
    if len(pieces) % 2 == 0 and all(pieces):
        return [
            {"family": family, "given": given} for family, given in zip(pieces[::2], pieces[1::2])
        ]
    return [_name(text)]


def _name(text):
    family, comma, given = text.partition(",")
    if comma and family.strip() and given.strip() and "," not in given:
        return {"family": family.strip(), "given": given.strip()}
    return {"literal": text}


def authors_to_list(apps, schema_editor):
    Publication = apps.get_model("research", "Publication")
    for publication in Publication.objects.all():
        publication.author_list = _names(publication.authors)
        publication.author_names = "; ".join(
            name.get("literal") or ", ".join(filter(None, [name["family"], name.get("given")]))
            for name in publication.author_list
        )
        publication.save(update_fields=["author_list", "author_names"])


def authors_to_text(apps, schema_editor):
    Publication = apps.get_model("research", "Publication")
    for publication in Publication.objects.all():
        publication.authors = publication.author_names[:500]
        publication.save(update_fields=["authors"])


LANGUAGE_CODES = {
    "sv": ["svenska", "swedish", "sv", "swe"],
    "en": ["engelska", "english", "en", "eng"],
    "no": ["norska", "norwegian", "no", "nor", "nb", "nn"],
    "da": ["danska", "danish", "da", "dan"],
    "fi": ["finska", "finnish", "fi", "fin"],
    "de": ["tyska", "german", "de", "ger", "deu"],
    "fr": ["franska", "french", "fr", "fre", "fra"],
    "es": ["spanska", "spanish", "es", "spa"],
}


def language_to_code(apps, schema_editor):
    """A language named in words becomes its code; one not listed is kept in the text of
    the context field, so that nothing written is lost."""
    Publication = apps.get_model("research", "Publication")
    codes = {word: code for code, words in LANGUAGE_CODES.items() for word in words}
    for publication in Publication.objects.exclude(language=""):
        code = codes.get(publication.language.strip().lower())
        if code is None:
            note = f"Language: {publication.language}"
            publication.context_en = f"{publication.context_en} ({note})" if publication.context_en else note
            publication.context_en = publication.context_en[:200]
        publication.language = code or ""
        publication.save(update_fields=["language", "context_en"])



class Migration(migrations.Migration):

    dependencies = [
        ('research', '0003_reference_fields'),
    ]

    operations = [
        migrations.RunPython(authors_to_list, authors_to_text),
        # Named in words before, a two-letter code now.
        migrations.RunPython(language_to_code, migrations.RunPython.noop),
    ]
