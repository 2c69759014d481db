"""S6.1, Odense's communication strategy, becomes an information strategy page (see
strategy/conversion.py): on a database made before the strategy app existed, the knowledge page
is converted in place; on a new database there is nothing to convert."""

from django.db import migrations

from strategy.conversion import convert_guideline_pages


def convert(apps, schema_editor):
    convert_guideline_pages(apps, schema_editor.connection.alias, ["S6.1"])


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0002_information_strategy"),
        ("guidelines", "0003_glossary_updated_at"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(convert, migrations.RunPython.noop)]
