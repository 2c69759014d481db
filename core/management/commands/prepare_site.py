from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Migrerer databasen, indlæser indholdet, opretter administratoren og giver sitet adressen "
        "fra BASE_URL (bruges af make run)."
    )

    def handle(self, *args, **options):
        # One process for the three steps: `make run` pays Django's start-up once.
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_content")
        from search.models import SearchDocument

        # A database from before search documents, or from before the analysis folded æ, ø, å
        # (documents without the folded title have none of the ASCII spellings either).
        if (
            not SearchDocument.objects.exists()
            or SearchDocument.objects.filter(title_folded="").exclude(title="").exists()
        ):
            call_command("rebuild_search_documents")
        call_command("ensure_admin")
        if settings.BASE_URL:
            from core.sites import point_default_site

            if point_default_site(settings.BASE_URL):
                self.stdout.write(f"Sitets adresse er nu {settings.BASE_URL}")
