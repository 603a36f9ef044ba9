"""`manage.py export_open_data`: write the open-data downloads (run daily by cron)."""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation

from api.opendata import export
from api.opendata_files import files_url


class Command(BaseCommand):
    help = "Write the knowledge bank and the statistics as JSON and CSV files, with a DCAT-AP-SE catalogue, into OPEN_DATA_ROOT."

    def handle(self, *args, **options) -> None:
        with translation.override(settings.LANGUAGE_CODE):
            page = reverse("opendata:index")
        sizes = export(settings.OPEN_DATA_ROOT, settings.SITE_URL, page, files_url())
        total = sum(sizes.values())
        self.stdout.write(
            f"{len(sizes)} files, {total / 1_000_000:.1f} MB, in {settings.OPEN_DATA_ROOT}"
        )
