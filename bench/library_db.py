"""The database a benchmark measures: the one DATABASE_URL names (default: the settings'), and,
with --setup, migrated and filled with the library's content first."""

import argparse
import os


def arguments(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("database_url", nargs="?", help="DATABASE_URL=… (default: settings)")
    parser.add_argument("-n", type=int, default=30, help="timed runs of each measurement")
    parser.add_argument("--setup", action="store_true", help="migrate and import content first")
    return parser


def open_database(args):
    """Start Django on the database; call before importing any app's models."""
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url.removeprefix("DATABASE_URL=")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    if args.setup:
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        call_command("load_content", verbosity=0)
