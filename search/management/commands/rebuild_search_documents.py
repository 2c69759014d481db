"""Rebuild every page's search document (after a lexicon change, or on a database from before
search documents existed). Pages keep their content; only search.SearchDocument is rewritten."""

from django.core.management.base import BaseCommand

from wagtail.models import Page

from core.content import update_planner_statistics
from search.documents import is_searchable, update


class Command(BaseCommand):
    help = "Rebuild the search documents of every searchable page."

    def handle(self, *args, **options):
        count = 0
        for page in Page.objects.all().specific().iterator(chunk_size=200):
            if is_searchable(page):
                update(page)
                count += 1
        update_planner_statistics()
        self.stdout.write(f"{count} search documents rebuilt")
