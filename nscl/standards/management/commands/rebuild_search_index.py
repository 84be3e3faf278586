"""Rebuild the standards full-text index from the records (after changing the folding rules)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from nscl.standards.search import get_backend


class Command(BaseCommand):
    help = "Rebuild the standards search index (FTS5 on SQLite, tsvector on PostgreSQL)."

    def handle(self, *args, **options):
        with transaction.atomic():
            count = get_backend().rebuild()
        self.stdout.write(self.style.SUCCESS(f"indexed {count} standards"))
