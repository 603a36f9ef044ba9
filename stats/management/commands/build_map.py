"""manage.py build_map: simplify the shipped borders once into static/stats/sweden-map.json."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from stats.mapbuild import build


class Command(BaseCommand):
    help = "Project (SWEREF 99 TM) and simplify the municipality and county borders into a static asset."

    def handle(self, *args, **options):
        target = settings.BASE_DIR / "static" / "stats" / "sweden-map.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        data = build()
        target.write_text(
            json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
        self.stdout.write(
            f"Wrote {target.relative_to(settings.BASE_DIR)} ({target.stat().st_size // 1024} kB, "
            f"{len(data['municipalities'])} municipalities, {len(data['regions'])} regions)."
        )
