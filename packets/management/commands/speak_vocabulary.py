from django.core.management.base import BaseCommand

from packets.voice.services import live_vocabulary_texts, request_voices, speak_now


class Command(BaseCommand):
    help = (
        "Give a generated voice to every live vocabulary word and example that has "
        "none yet (content published before the voice was set up, or after a "
        "change of HARBOR_VOICE): enqueued for the task worker, or spoken here "
        "with --now."
    )

    def add_arguments(self, parser):
        parser.add_argument("--now", action="store_true", help="Speak here, not in the worker.")

    def handle(self, *args, now=False, **options):
        texts = live_vocabulary_texts()
        if now:
            self.stdout.write(f"{speak_now(texts)} texts spoken.")
        else:
            self.stdout.write(f"{len(request_voices(texts))} texts enqueued for the worker.")
