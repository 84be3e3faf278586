"""The full-text index: an FTS5 table on SQLite, a tsvector table with a GIN index on PostgreSQL."""

from django.db import migrations


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from nscl.standards.search.sqlite import CREATE_SQL
    elif vendor == "postgresql":
        from nscl.standards.search.postgres import CREATE_SQL
    else:
        return
    for statement in CREATE_SQL:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        from nscl.standards.search.sqlite import DROP_SQL
    elif vendor == "postgresql":
        from nscl.standards.search.postgres import DROP_SQL
    else:
        return
    for statement in DROP_SQL:
        schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("standards", "0001_repository")]
    operations = [migrations.RunPython(create_index, drop_index)]
