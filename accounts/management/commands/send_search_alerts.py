"""Run daily by cron: e-mail each user the new articles matching their saved searches.

    0 7 * * *  cd /srv/pluginnovation && .venv/bin/python manage.py send_search_alerts

At most one e-mail per user per run; an article e-mailed to a user is never e-mailed to them
again (accounts.SentAlert), so running twice, or after a failure, sends nothing twice.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from accounts.services import collect_alerts, send_alert


class Command(BaseCommand):
    help = "E-mail users the newly published articles that match their saved searches."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would get e-mail; send nothing."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        now = timezone.now()
        alerts = collect_alerts(now)
        sent = 0
        for alert in alerts:
            if dry_run:
                self.stdout.write(f"{alert.user.email}: {len(alert.articles)} articles")
                continue
            sent += send_alert(alert, now)
        self.stdout.write(f"{sent} alert e-mails sent ({len(alerts)} users with new matches).")
