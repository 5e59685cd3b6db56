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
# uvicorn, as WebSockets are served in production (docs/deploy.md): it refuses a
# frame over the chat protocol's 16 KiB itself, closing with 1009 as
# docs/chat-protocol.md promises (daphne could only close with 1011). No
# per-message deflate, as in production (deploy/systemd/harbor-asgi@.service).
"$bin/uvicorn" learning.asgi:application --host "$host" --port "$port" --ws-max-size 16384 \
  --ws-per-message-deflate false --ws learning.ws_protocol:Protocol
