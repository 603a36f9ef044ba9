"""`manage.py load_demo`: Sweden's areas and the demo articles, created or updated; safe to rerun."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from content.registry import kind_choices
from demo.loader import DemoDataError, load_demo


class Command(BaseCommand):
    help = (
        "Load the 21 counties, 290 municipalities and the demo content (demo/). "
        "Creates or updates every article by its slug, in one transaction: safe to run again."
    )

    def handle(self, *args, **options) -> None:
        try:
            result = load_demo()
        except DemoDataError as error:
            raise CommandError(f"Demo content not loaded: {error}") from error
        with translation.override("en"):  # the summary is for developers, as Django's own output
            counts = ", ".join(
                f"{result.created[kind] + result.updated[kind]} × {label}"
                for kind, label in kind_choices()
                if result.created[kind] + result.updated[kind]
            )
        self.stdout.write(
            f"Areas: {result.regions} counties, {result.municipalities} municipalities.\n"
            f"Demo content: {counts}; {sum(result.created.values())} created, "
            f"{sum(result.updated.values())} updated; {result.links} links between articles."
        )
        self.stdout.write(self.style.SUCCESS(f"{result.total} demo articles published."))
