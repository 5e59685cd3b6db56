"""deploy/nginx/harbor.conf passes `nginx -t` as shipped: installed the way
docs/deploy.md says, beside Debian's own nginx.conf and default site."""

import shutil
import subprocess

import pytest

from tests.servers import ROOT

pytestmark = pytest.mark.scaled

DEBIAN_NGINX = "/etc/nginx"


def test_the_site_as_shipped_passes_nginx_t_in_debians_nginx(tmp_path):
    if not shutil.which("nginx", path="/usr/sbin"):
        pytest.fail("Debian's nginx is missing: run `make test-scaled` (it installs it).")
    # A copy of /etc/nginx, so nothing of the machine's own changes.
    etc = tmp_path / "nginx"
    shutil.copytree(DEBIAN_NGINX, etc, symlinks=True)
    main = etc / "nginx.conf"
    main.write_text(main.read_text().replace(f"{DEBIAN_NGINX}/", f"{etc}/"))
    shutil.copy(ROOT / "deploy/nginx/harbor.conf", etc / "sites-available/harbor")
    (etc / "sites-enabled/harbor").symlink_to(etc / "sites-available/harbor")
    shutil.copy(ROOT / "deploy/nginx/harbor-security-headers.conf", etc / "snippets")

    checked = subprocess.run(
        ["/usr/sbin/nginx", "-t", "-p", str(etc), "-c", str(main), "-e", str(tmp_path / "e.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert checked.returncode == 0, checked.stderr
    assert "[warn]" not in checked.stderr, checked.stderr
