"""Processing a 12-megapixel phone photo: time and peak memory of process_photo.

The photo is made here with Pillow (4000 × 3000, noisy like a real camera
sensor so JPEG sizes are realistic, EXIF with GPS and orientation 6) and
written to a temporary file. Time: median of several runs in this process.
Memory: one run in a fresh child process, so its high-water mark is the
pipeline's own: tracemalloc sees Python objects (the upload's bytes, the
output), the resident high-water mark also sees Pillow's pixel buffers, which
live outside Python's allocator (see measure_memory_in_this_process).
"""

import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

RUNS = 7
SIZE = (4000, 3000)


def setup_django():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.dev")
    import django

    django.setup()


def phone_photo():
    from PIL import Image

    width, height = SIZE
    noise = Image.effect_noise(SIZE, 24)
    gradient = Image.linear_gradient("L").resize(SIZE)
    photo = Image.merge("RGB", (noise, gradient, Image.blend(noise, gradient, 0.5)))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif.get_ifd(0x8825).update({1: "N", 2: (40.0, 26.0, 46.0), 3: "W", 4: (79.0, 58.0, 56.0)})
    output = io.BytesIO()
    photo.save(output, "JPEG", quality=90, exif=exif)
    return output.getvalue()


def time_runs(data):
    from classes.uploads.images import process_photo

    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = process_photo(io.BytesIO(data))
        timings.append(time.perf_counter() - started)
    return timings, result


def resident_kib(field):
    """VmRSS (now) or VmHWM (peak) of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise LookupError(field)


def measure_memory_in_this_process(path):
    """Run in the child: one processing, memory high-water marks as JSON.

    The resident peak is VmHWM, which belongs to the child's own address
    space. ru_maxrss would not do here: Linux carries the parent's peak at
    fork over into the child's ru_maxrss, hiding anything smaller.
    """
    setup_django()
    from classes.uploads.images import process_photo

    data = Path(path).read_bytes()
    rss_before = resident_kib("VmRSS")
    tracemalloc.start()
    process_photo(io.BytesIO(data))
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_delta = resident_kib("VmHWM") - rss_before
    print(json.dumps({"traced_peak": traced_peak, "rss_delta_kib": rss_delta}))


def memory_in_child(data):
    with tempfile.NamedTemporaryFile(suffix=".jpg") as photo_file:
        photo_file.write(data)
        photo_file.flush()
        child = subprocess.run(
            [sys.executable, __file__, "--memory", photo_file.name],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(child.stdout.strip().splitlines()[-1])


def main():
    setup_django()
    data = phone_photo()
    timings, result = time_runs(data)
    memory = memory_in_child(data)
    print(f"input: {SIZE[0]}x{SIZE[1]} JPEG with GPS EXIF, {len(data) / 1e6:.1f} MB")
    print(f"output: {result.width}x{result.height} JPEG, {len(result.content) / 1e3:.0f} KB")
    print(
        f"time: median {statistics.median(timings) * 1000:.0f} ms over {RUNS} runs "
        f"(min {min(timings) * 1000:.0f}, max {max(timings) * 1000:.0f})"
    )
    print(f"peak Python memory (tracemalloc): {memory['traced_peak'] / 1e6:.1f} MB")
    print(f"peak resident memory increase (VmHWM): {memory['rss_delta_kib'] / 1024:.1f} MiB")


if __name__ == "__main__" and sys.argv[1:2] == ["--memory"]:
    measure_memory_in_this_process(sys.argv[2])
