from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from newsapp.services.catalog import load_catalog


class Command(BaseCommand):
    help = "يحمّل دليل الكيانات (أشخاص، بلدان، أماكن، منظمات) من fixtures/catalog/."

    def add_arguments(self, parser):
        parser.add_argument(
            "folder", nargs="?", type=Path, default=settings.BASE_DIR / "fixtures" / "catalog"
        )

    def handle(self, *args, folder, **options):
        loaded = load_catalog(folder)
        self.stdout.write(
            f"الكيانات: {loaded.entities} · أسماء بديلة جديدة: {loaded.aliases_added} · المناصب: {loaded.positions}"
        )
