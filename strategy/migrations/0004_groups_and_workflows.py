"""The editors', professional reviewers' and communicators' groups and their workflows (see
strategy/governance.py)."""

from django.db import migrations

from strategy.governance import create_groups_and_workflows, govern_existing_pages


def forwards(apps, schema_editor):
    create_groups_and_workflows(apps)
    govern_existing_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0003_convert_s61"),
        ("methods", "0001_initial"),
        ("legal", "0001_initial"),
        ("downloads", "0001_initial"),
        ("guidelines", "0003_glossary_updated_at"),
        ("projects", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
