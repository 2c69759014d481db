from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.db.models.signals import post_save

        from courses.models import CourseIndexPage
        from courses.roles import grant_trainers

        post_save.connect(grant_trainers, sender=CourseIndexPage, dispatch_uid="grant_trainers")
