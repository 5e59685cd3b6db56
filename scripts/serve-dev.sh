#!/usr/bin/env bash
# `make run`: the task worker (mail, notices, retention) beside the server, both
# stopped together. Usage: scripts/serve-dev.sh HOST PORT
set -euo pipefail
host=${1:-127.0.0.1}
port=${2:-8000}
bin=.venv/bin
"$bin/python" manage.py db_worker --no-reload &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT INT TERM
"$bin/python" manage.py runserver "$host:$port"
