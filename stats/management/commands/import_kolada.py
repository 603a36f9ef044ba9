"""manage.py import_kolada FILE… | --shipped: load Kolada figures, all or nothing."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stats.geography import load_areas
from stats.importer import ImportFailed, import_files
from stats.indicators import SHIPPED_FILES, load_indicators


class Command(BaseCommand):
    help = (
        "Import Kolada figures from API JSON pages (v2/v3; give every page's file) and long or "
        "flat CSV files. Every row is validated first; nothing is written if any row is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path, help="JSON or CSV files")
        parser.add_argument(
            "--shipped",
            action="store_true",
            help="Import the data shipped in stats/data (all four KPIs and the national series).",
        )

    def handle(self, *args, files: list[Path], shipped: bool, **options):
        if not files and not shipped:
            raise CommandError("Give one or more files, or --shipped.")
        started = time.perf_counter()
        # Areas and indicators first: the figures refer to them (both steps are idempotent).
        load_areas()
        load_indicators()
        paths = [*(SHIPPED_FILES if shipped else []), *files]
        verbose = options["verbosity"] >= 1

        def progress(message: str) -> None:
            if verbose:
                self.stdout.write(f"  {message}")

        try:
            report = import_files(paths, progress=progress)
        except ImportFailed as failure:
            for error in failure.report.errors:
                self.stderr.write(error)
            raise CommandError(
                f"{len(failure.report.errors)} error(s) in {failure.report.rows} rows; "
                "nothing was imported."
            ) from None
        for warning in report.warnings:
            self.stderr.write(f"warning: {warning}")
        elapsed = time.perf_counter() - started
        if verbose:
            self.stdout.write(
                self.style.SUCCESS(
                    f"{report.rows} rows: {report.created} created, {report.updated} updated, "
                    f"{report.unchanged} unchanged"
                    + (
                        f", {report.skipped_deleted} deleted rows skipped"
                        if report.skipped_deleted
                        else ""
                    )
                    + f" ({elapsed:.2f} s)."
                    + (
                        f" Updated: {', '.join(report.indicators_updated)}."
                        if report.indicators_updated
                        else ""
                    )
                )
            )
