"""uvicorn with a tracemalloc snapshot on SIGUSR1 (for bench/chat_memory.py).

Run as `python -X tracemalloc=12 bench/_traced_server.py <uvicorn options>`; each
SIGUSR1 writes the next snapshot to $SNAPSHOT_PATH (".1", ".2", ... appended).
"""

import gc
import os
import signal
import sys
import tracemalloc

taken = 0


def snapshot(_signum, _frame):
    global taken
    taken += 1
    gc.collect()
    tracemalloc.take_snapshot().dump(f"{os.environ['SNAPSHOT_PATH']}.{taken}")


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    signal.signal(signal.SIGUSR1, snapshot)
    from uvicorn.main import main

    main()
