"""Debian's Chromium for the Lighthouse benchmark, started here with a signed-in
student's session cookie in its cookie jar; Lighthouse connects to it (`--port`).

Why not Lighthouse's `--extra-headers` with the cookie: those headers reach only
the page's own requests. Harbor's service worker fetches a packet's pictures
itself (templates/offline/sw.js), without the cookie, so every picture of a
private level answered 404 and the audit blamed the page for a console error
that no signed-in phone ever sees. A cookie in the jar goes with every request,
as on a phone. Lighthouse's storage reset before each run clears service
workers and caches, not cookies.
"""

import json
import subprocess
import time
import urllib.request
from pathlib import Path

from websockets.sync.client import connect


def chrome_launcher_flags(prefix):
    """The flags Lighthouse's own launcher (chrome-launcher) gives Chrome: no
    extensions, translation, background timers' throttling and so on."""
    script = (
        "import {Launcher} from 'chrome-launcher'; "
        "console.log(JSON.stringify(Launcher.defaultFlags()))"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        cwd=prefix,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(result.stdout)


def start_chromium(binary, flags, profile):
    """Chromium on a port of its choosing, with a fresh profile; (process, port)."""
    profile = Path(profile)
    command = [
        binary,
        *flags,
        "--remote-debugging-port=0",
        f"--user-data-dir={profile}",
        "about:blank",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, devtools_port(process, profile / "DevToolsActivePort")


def devtools_port(process, port_file, timeout=30):
    """Chromium writes the port it listens on into the profile when it is ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"Chromium stopped at start (exit code {process.returncode})")
        if port_file.exists() and port_file.read_text().strip():
            return int(port_file.read_text().split()[0])
        time.sleep(0.2)
    raise RuntimeError("Chromium did not open its DevTools port")


def set_cookie(port, site_url, name, value):
    """Put a cookie into the browser's jar, as Django's sign-in would have
    (HttpOnly, SameSite=Lax), through the DevTools protocol."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/version", timeout=10) as answer:
        browser = json.load(answer)["webSocketDebuggerUrl"]
    cookie = {"name": name, "value": value, "url": site_url, "httpOnly": True, "sameSite": "Lax"}
    command = {"id": 1, "method": "Storage.setCookies", "params": {"cookies": [cookie]}}
    with connect(browser, max_size=None, open_timeout=10) as socket:
        socket.send(json.dumps(command))
        while True:
            message = json.loads(socket.recv(timeout=10))
            if message.get("id") == 1:
                break
    if "error" in message:
        raise RuntimeError(f"Chromium refused the cookie: {message['error']}")
