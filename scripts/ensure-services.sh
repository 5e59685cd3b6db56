#!/usr/bin/env bash
# The scaled configuration is tested against real PostgreSQL and Redis on this
# machine. A missing service is a failure with a clear message, never a skip.
set -euo pipefail
fail=0
if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  echo "PostgreSQL is not answering on 127.0.0.1:5432." >&2
  echo "  Start it: pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start" >&2
  fail=1
fi
if ! (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; then
  echo "Redis is not answering on 127.0.0.1:6379." >&2
  echo "  Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save '' --appendonly no" >&2
  fail=1
fi
exit $fail
