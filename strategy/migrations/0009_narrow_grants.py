"""The knowledge section's grants no longer reach the information strategies in it (see
strategy/governance.py), and Wagtail's default groups "Editors" and "Moderators" are removed: they
held rights over the whole page tree (a Moderator could publish or delete anything unreviewed)
beside the project's own groups."""

from django.db import migrations

from strategy.governance import EDITORS, REVIEWERS, govern_existing_pages

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GuidelineIndexPage = apps.get_model("guidelines", "GuidelineIndexPage")
    sections = list(GuidelineIndexPage.objects.values_list("pk", flat=True))
    GroupPagePermission.objects.filter(
        page_id__in=sections, group__name__in=[EDITORS, REVIEWERS]
    ).exclude(group__name=EDITORS, permission__codename="add_page").delete()
    govern_existing_pages(apps)
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0008_feedback_readers"),
        ("guidelines", "0003_glossary_updated_at"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
