from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load Harbor's demo content: accounts, levels, packets and more. "
        "Safe to run twice; refused under production settings."
    )

    def handle(self, *args, **options):
        if not settings.HARBOR_DEMO_ALLOWED:
            raise CommandError(
                "The demo content is not for production: refusing to load it "
                "(a trial server sets HARBOR_TRIAL_SERVER=true, docs/deploy.md)."
            )
        with transaction.atomic():
            for module in demo_modules():
                module.load(self.log)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def log(self, line):
        self.stdout.write(f"  {line}")


# In dependency order: accounts, then content, then the classes that use both.
DEMO_APPS = ("learning", "packets", "classes", "home")


def demo_modules():
    """Each Harbor app may have a `demo` module with a `load(log)` function."""
    for app in DEMO_APPS:
        name = f"{app}.demo"
        if find_spec(name) is not None:
            yield import_module(name)
