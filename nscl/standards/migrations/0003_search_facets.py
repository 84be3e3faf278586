"""Each record's facet values beside the text index, so facet counts read one compact table."""

from django.db import migrations


def _sql(vendor: str, name: str) -> list[str]:
    if vendor == "sqlite":
        from nscl.standards.search import sqlite as module
    elif vendor == "postgresql":
        from nscl.standards.search import postgres as module
    else:
        return []
    return getattr(module, name)


def create_facets(apps, schema_editor):
    for statement in _sql(schema_editor.connection.vendor, "FACETS_CREATE_SQL"):
        schema_editor.execute(statement)


def drop_facets(apps, schema_editor):
    for statement in _sql(schema_editor.connection.vendor, "FACETS_DROP_SQL"):
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("standards", "0002_search_index")]
    operations = [migrations.RunPython(create_facets, drop_facets)]
