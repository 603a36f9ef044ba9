"""`manage.py prune_search_log`: delete the search log's rows older than SEARCH_LOG_DAYS.

Run it daily from cron (README.md, "Running in production"); `--days N` overrides the setting.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.log import prune


class Command(BaseCommand):
    help = "Delete the anonymous search log's weeks older than SEARCH_LOG_DAYS (default 396)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=None, help="Keep this many days instead.")

    def handle(self, *args, days: int | None = None, **options) -> None:
        days = settings.SEARCH_LOG_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        deleted = prune(days)
        self.stdout.write(f"Deleted {deleted} search log rows older than {days} days.")
