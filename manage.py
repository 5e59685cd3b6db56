#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")
    from django.core.management import execute_from_command_line

    from learning.settings.env import ConfigurationError

    try:
        execute_from_command_line(sys.argv)
    except ConfigurationError as error:
        # A wrong environment variable: one clear line, not a driver's traceback.
        sys.stderr.write(f"Harbor cannot start: {error}\n")
        sys.exit(2)


if __name__ == "__main__":
    main()
