"""Page permissions for groups, given by codename; shared by the migrations and the signals that
give each group its part of the tree (courses/roles.py, strategy/governance.py)."""


def grant_page_permissions(apps, group, page, codenames):
    """Give `group` the page permissions `codenames` ("add_page", "publish_page" …) on `page` and
    everything under it. `apps` is an app registry: a migration passes its historical one."""
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", content_type__model="page", codename__in=codenames
    )
    for permission in permissions:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page.pk, permission=permission
        )
