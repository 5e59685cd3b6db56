"""uvicorn with a tracemalloc snapshot on SIGUSR1 (for bench/chat_memory.py).

Run as `python bench/_traced_server.py <uvicorn options>`. The first SIGUSR1
starts tracing (tracing from start-up made Django's imports take minutes on a
busy machine); the second writes a snapshot to $SNAPSHOT_PATH: what was
allocated in between and is still alive.
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
    if taken == 1:
        tracemalloc.start(int(os.environ.get("TRACE_FRAMES", "3")))
    else:
        tracemalloc.take_snapshot().dump(os.environ["SNAPSHOT_PATH"])
    with open(f"{os.environ['SNAPSHOT_PATH']}.{taken}", "w"):
        pass  # done


if __name__ == "__main__":
    sys.path.insert(0, os.getcwd())
    signal.signal(signal.SIGUSR1, snapshot)
    from uvicorn.main import main

    main()
