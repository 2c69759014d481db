"""The warning editors see on a course whose library pages have gone."""

from wagtail.admin.panels import Panel


class LibraryWarningsPanel(Panel):
    """Lists the chosen pages the public course leaves out (unpublished, private or deleted);
    shown only when there are any."""

    @property
    def clean_name(self):
        return super().clean_name or "library_warnings"

    class BoundPanel(Panel.BoundPanel):
        template_name = "courses/admin/library_warnings_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.warnings = []
            if self.instance is not None and self.instance.pk:
                from courses.library import course_program

                self.warnings = course_program(self.instance).warnings

        def is_shown(self):
            return bool(self.warnings)
