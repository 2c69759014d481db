"""Editors, professional reviewers and communicators read what readers answered to "Var siden
nyttig?" (the admin report); nobody but a superuser changes or deletes the answers."""

from django.db import migrations

GROUPS = ["Redaktører", "Faglige reviewere", "Kommunikationsmedarbejdere"]


def grant_view_feedback(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    # The model's permissions are made after the migrations (post_migrate); made here first.
    content_type, _ = ContentType.objects.get_or_create(app_label="strategy", model="pagefeedback")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_pagefeedback",
        defaults={"name": "Can view page feedback"},
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0007_page_feedback"),
        ("strategy", "0004_groups_and_workflows"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant_view_feedback, migrations.RunPython.noop)]
