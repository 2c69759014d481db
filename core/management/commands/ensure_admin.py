import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from wagtail.users.models import UserProfile

ADMIN_USERNAME = "admin"


def password_file():
    return settings.VAR_DIR / "admin-password.txt"


class Command(BaseCommand):
    help = (
        "Opretter administratoren 'admin', hvis der ikke findes en superbruger. Adgangskoden "
        "tages fra ADMIN_PASSWORD eller dannes tilfældigt og gemmes i var/admin-password.txt."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            return
        password = os.environ.get("ADMIN_PASSWORD") or secrets.token_urlsafe(12)
        user = User.objects.create_superuser(
            username=ADMIN_USERNAME, email="admin@example.invalid", password=password
        )
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "da"
        profile.save()
        path = password_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(password + "\n", encoding="utf-8")
        path.chmod(0o600)
        self.stdout.write(
            self.style.SUCCESS(
                f"Administrator oprettet: brugernavn '{ADMIN_USERNAME}', adgangskoden står i {path}"
            )
        )
