from django.core.management.base import BaseCommand, CommandError

from core.content import ContentError, Loader


class Command(BaseCommand):
    help = "Indlæser bibliotekets indhold fra content/ (idempotent; overskriver ikke redigeringer)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Indlæs også sider, der er redigeret i admin (redigeringerne overskrives).",
        )

    def handle(self, *args, force=False, **options):
        try:
            report = Loader(force=force).run()
        except ContentError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Indhold: {len(report.created)} oprettet, {len(report.updated)} opdateret, "
            f"{len(report.translated)} oversat, {len(report.unchanged)} uændret, "
            f"{len(report.skipped_edited)} sprunget over (redigeret i admin)."
        )
        for ref in report.skipped_edited:
            self.stdout.write(self.style.WARNING(f"  {ref}: redigeret i admin, ikke overskrevet"))
