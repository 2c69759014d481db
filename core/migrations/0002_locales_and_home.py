"""English as the second locale, and the Danish HomePage as the root of the default site.

Wagtail's own first migrations create the Danish locale (LANGUAGE_CODE) and a placeholder
"Welcome" page; this replaces the placeholder with our HomePage. Content comes from load_content.
"""

import uuid

from django.db import migrations


def forwards(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("core", "HomePage")

    danish, _ = Locale.objects.get_or_create(language_code="da")
    Locale.objects.get_or_create(language_code="en")

    if HomePage.objects.exists():
        return
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()

    home_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="core")
    root = Page.objects.get(depth=1)
    home = HomePage.objects.create(
        title="Metodebiblioteket",
        draft_title="Metodebiblioteket",
        slug="forside",
        ref="HOME",
        content_type=home_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/forside/",
        locale=danish,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])

    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True,
                        site_name="Metodebiblioteket")


def backwards(apps, schema_editor):
    apps.get_model("core", "HomePage").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
