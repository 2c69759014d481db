from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from core.backup import BackupError, create


class Command(BaseCommand):
    help = (
        "Tag en sikkerhedskopi af databasen og de uploadede filer: én .tar.gz i --output "
        "(standard: var/backups). SQLite kopieres, mens sitet kører; PostgreSQL med pg_dump."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(settings.VAR_DIR / "backups"))

    def handle(self, *args, output, **options):
        try:
            archive, manifest = create(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Sikkerhedskopi: {archive} ({archive.stat().st_size / 1e6:.1f} MB; "
            f"{manifest['pages']} sider, {manifest['revisions']} versioner, "
            f"{manifest['media_files']} filer)"
        )
