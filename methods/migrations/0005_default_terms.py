from django.db import migrations

from methods.vocabulary import ensure_default_terms

# The columns 0006 drops: (column, vocabulary); a value becomes the term whose slug is the value
# with hyphens for underscores (under_gymnasiet → under-gymnasiet).
FORMER_COLUMNS = [
    ("prevention_level", "prevention_level"),
    ("scope", "scope"),
    ("phase", "phase"),
    ("intervention_type", "intervention_type"),
]


def create_terms(apps, schema_editor):
    """The vocabularies as the site first ships them, and each method's former values as terms."""
    Term = apps.get_model("methods", "Term")
    Method = apps.get_model("methods", "Method")
    terms = ensure_default_terms(Term)
    for method in Method.objects.all():
        chosen = [
            terms[vocabulary, value.replace("_", "-")]
            for column, vocabulary in FORMER_COLUMNS
            if (value := getattr(method, column))
        ]
        method.terms.add(*chosen)


def restore_columns(apps, schema_editor):
    Method = apps.get_model("methods", "Method")
    for method in Method.objects.prefetch_related("terms"):
        for column, vocabulary in FORMER_COLUMNS:
            term = next((t for t in method.terms.all() if t.vocabulary == vocabulary), None)
            setattr(method, column, term.slug.replace("-", "_") if term else "")
        method.save(update_fields=[column for column, _vocabulary in FORMER_COLUMNS])


class Migration(migrations.Migration):
    dependencies = [
        ("methods", "0004_vocabularies"),
    ]

    operations = [migrations.RunPython(create_terms, restore_columns)]
