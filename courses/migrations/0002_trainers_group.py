"""The trainers' group, "Undervisere" (see courses/roles.py)."""

from django.db import migrations

from core.permissions import grant_page_permissions
from courses.roles import TRAINER_PAGE_PERMISSIONS, TRAINERS_GROUP


def create_group(apps, schema_editor):
    # A catalogue can only exist here if the database was migrated before, so the page
    # permissions it is granted exist too (Django makes them after each migrate).
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    CourseIndexPage = apps.get_model("courses", "CourseIndexPage")

    group, _ = Group.objects.get_or_create(name=TRAINERS_GROUP)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for page in CourseIndexPage.objects.all():
        grant_page_permissions(apps, group, page, TRAINER_PAGE_PERMISSIONS)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TRAINERS_GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
