"""Run every benchmark in bench/ (each module with a `main()`), one after another.

Benchmarks are not tests: they measure speed and size and print figures that
are copied into docs/BENCHMARKS.md together with the command that made them.
Usage: python bench/run.py [name ...]
"""

import importlib
import os
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")


def benchmark_names():
    # Modules starting with "_" are helpers (URLs, settings), not benchmarks.
    return sorted(
        p.stem
        for p in HERE.glob("*.py")
        if p.stem not in {"run", "__init__", "common"} and not p.stem.startswith("_")
    )


def main(names):
    chosen = names or benchmark_names()
    if not chosen:
        print("No benchmarks yet.")
        return
    failed = []
    for name in chosen:
        print(f"== {name}", flush=True)
        # One benchmark that cannot run (a missing tool, say) stops neither the
        # others nor the exit status from saying so.
        try:
            importlib.import_module(f"bench.{name}").main()
        except SystemExit as stop:  # the benchmark's own message, e.g. what to install
            if stop.code not in (None, 0):
                print(stop.code, file=sys.stderr)
                failed.append(name)
        except Exception:
            traceback.print_exc()
            failed.append(name)
    if failed:
        sys.exit(f"Benchmarks that failed: {', '.join(failed)}")


if __name__ == "__main__":
    main(sys.argv[1:])
