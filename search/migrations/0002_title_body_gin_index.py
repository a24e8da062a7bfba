"""A GIN index on title || body, the expression PostgreSQL search filters on.

Wagtail indexes title and body separately, but its PostgreSQL query matches
(title || body) @@ query, which those indexes cannot serve: every search scanned the
whole table (165 ms at 10,000 pages; 24 ms with this index).
"""

from django.db import migrations

INDEX = "jingwu_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} "
            "ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_synonym_groups"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
