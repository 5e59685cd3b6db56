#!/usr/bin/env bash
# manage.py with the services' environment (/etc/harbor/harbor.env), as the
# services run it. Run it as the harbor user:
#   sudo -u harbor /srv/harbor/app/deploy/manage.sh migrate --no-input
set -euo pipefail
env_file=${HARBOR_ENV_FILE:-/etc/harbor/harbor.env}
app=$(cd "$(dirname "$0")/.." && pwd)
set -a
# shellcheck disable=SC1090
. "$env_file"
set +a
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-learning.settings.production}
cd "$app"
exec "$app/.venv/bin/python" manage.py "$@"
