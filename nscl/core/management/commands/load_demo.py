"""Load reference data, then every app's demo data, and print the demo accounts. Idempotent."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from nscl.core.management.commands.load_reference_data import app_hooks


class Command(BaseCommand):
    help = "Load reference and demo data (safe to repeat) and print the demo accounts."

    def handle(self, *args, **options):
        call_command("load_reference_data", stdout=self.stdout)
        accounts = []
        for label, load in app_hooks("demo"):
            result = load()
            if isinstance(result, list):
                accounts.extend(result)
            self.stdout.write(f"demo data loaded: {label}")
        if accounts:
            self.stdout.write("\nDemo accounts (username / password / role):")
            for username, password, role in accounts:
                self.stdout.write(f"  {username:<12} {password:<16} {role}")
