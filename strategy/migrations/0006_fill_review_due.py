"""Every library page gets a review-due date: the last review (or today) plus its type's interval,
as ReviewMixin.save sets it on pages saved from now on."""

from datetime import date, timedelta

from django.db import migrations

MODELS = {
    ("courses", "CoursePage"): 365,
    ("downloads", "TemplatePage"): 365,
    ("guidelines", "GlossaryPage"): 365,
    ("guidelines", "GuidelinePage"): 365,
    ("legal", "LegalPage"): 182,
    ("methods", "MethodPage"): 365,
    ("methods", "PrinciplePage"): 365,
    ("methods", "TechniquePage"): 365,
    ("projects", "ProjectPage"): 365,
    ("strategy", "InformationStrategyPage"): 365,
}


def fill_review_due(apps, schema_editor):
    for (app_label, model_name), days in MODELS.items():
        model = apps.get_model(app_label, model_name)
        pages = list(model.objects.filter(review_due__isnull=True).only("last_reviewed"))
        for page in pages:
            page.review_due = (page.last_reviewed or date.today()) + timedelta(days=days)
        model.objects.bulk_update(pages, ["review_due"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("strategy", "0005_informationstrategypage_review_due"),
        ("courses", "0003_coursepage_last_reviewed_coursepage_review_due"),
        ("downloads", "0004_templatepage_review_due"),
        ("guidelines", "0004_glossarypage_last_reviewed_glossarypage_review_due_and_more"),
        ("legal", "0002_legalpage_review_due"),
        ("methods", "0003_methodpage_review_due_principlepage_review_due_and_more"),
        ("projects", "0003_projectpage_review_due"),
    ]

    operations = [migrations.RunPython(fill_review_due, migrations.RunPython.noop)]
