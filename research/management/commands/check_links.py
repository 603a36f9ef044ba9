"""manage.py check_links: check every DOI and link of the literature (research/linkcheck.py)
and record each one's answer; editors see the broken ones in the admin (Literature › Links
to look at). Run it daily or weekly from cron."""

from django.core.management.base import BaseCommand, CommandParser
from django.utils import translation

from research.linkcheck import check_all
from research.models import LinkOutcome


class Command(BaseCommand):
    help = "Check the literature's DOIs and links and record what each answered."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--workers",
            type=int,
            default=None,
            help="Requests at a time (default: LINK_CHECK_WORKERS, 4).",
        )

    @translation.override("en")  # the operator's report, in the command's language
    def handle(self, *args, workers: int | None = None, verbosity: int = 1, **options) -> None:
        def report(link, result) -> None:
            if verbosity > 1 or (verbosity and result.outcome != LinkOutcome.OK):
                self.stdout.write(
                    f"{LinkOutcome(result.outcome).label}: {link.url}"
                    f" ({result.status_code or result.detail})"
                )

        counts = check_all(workers=workers, progress=report)
        total = sum(counts.values())
        summary = ", ".join(
            f"{counts[outcome]} {LinkOutcome(outcome).label.lower()}"
            for outcome in LinkOutcome.values
            if counts.get(outcome)
        )
        self.stdout.write(f"{total} links checked" + (f": {summary}." if summary else "."))
