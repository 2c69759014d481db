"""The trainers' group ("Undervisere"): they may create, edit and publish courses in the course
catalogue, and nothing else in the page tree (methods, legal pages and templates stay with the
editors).

The group and its admin access are made by a migration. Page permissions belong to a page, so
they are granted on each course catalogue when it is created (the catalogue is content, loaded
after the migrations have run) and, by the migration, on any catalogue that already exists.
"""

TRAINERS_GROUP = "Undervisere"
TRAINER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page")


def grant_trainers(sender, instance, created, raw=False, **kwargs):
    """A new course catalogue: the trainers may work in it."""
    if not created or raw:
        return
    from django.apps import apps
    from django.contrib.auth.models import Group

    from core.permissions import grant_page_permissions

    group = Group.objects.filter(name=TRAINERS_GROUP).first()
    if group is not None:
        grant_page_permissions(apps, group, instance, TRAINER_PAGE_PERMISSIONS)
