"""Load every app's reference data (administrative units, VSIC, ICS...). Idempotent."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand


def app_hooks(module_name: str):
    """Each local app may offer `<app>.<module_name>.load()`; yield them in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        if not config.name.startswith("nscl."):
            continue
        dotted = f"{config.name}.{module_name}"
        if find_spec(dotted) is not None:
            yield config.label, import_module(dotted).load


class Command(BaseCommand):
    help = "Load reference data from data/ (administrative units, VSIC codes, ICS tree). Safe to repeat."

    def handle(self, *args, **options):
        for label, load in app_hooks("reference"):
            load()
            self.stdout.write(f"reference data loaded: {label}")
