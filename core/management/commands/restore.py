from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = (
        "Læg en sikkerhedskopi fra `backup` tilbage: databasen og de uploadede filer erstattes. "
        "Stop sitet først. Uden --yes spørger kommandoen, før den ændrer noget."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="Spørg ikke.")

    def handle(self, *args, archive, yes, **options):
        try:
            manifest = read_manifest(archive)
            if not yes:
                answer = input(
                    f"Erstat databasen og filerne med kopien fra {manifest['created']} "
                    f"({manifest['pages']} sider)? Skriv ja: "
                )
                if answer.strip().lower() != "ja":
                    raise CommandError("Intet er ændret.")
            restore(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Lagt tilbage: {manifest['pages']} sider, {manifest['revisions']} versioner og "
            f"{manifest['media_files']} filer fra {manifest['created']}."
        )
