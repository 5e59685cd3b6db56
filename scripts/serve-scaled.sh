#!/usr/bin/env bash
# `make serve-scaled`: Harbor as deployed (docs/deploy.md), on loopback. Debian's
# nginx with the shipped site (deploy/nginx/harbor.conf, rendered with this
# machine's ports, folders and a self-signed certificate), gunicorn, one uvicorn
# process per ASGI port and the task worker, under production settings, against
# the PostgreSQL and Redis of DATABASE_URL and REDIS_URL. Ctrl-C stops them all.
#
# Usage: scripts/serve-scaled.sh [--migrate] [--demo] [--config-only]
#   --migrate      migrate the database first
#   --demo         load the demo content, as on a trial server (HARBOR_TRIAL_SERVER)
#   --config-only  write and check the configuration (nginx, environment), start nothing
# Environment (defaults in brackets):
#   DATABASE_URL, REDIS_URL    required
#   HARBOR_SCALED_DIR          [build/serve-scaled] everything written: the
#                              rendered configuration, certificate, static files,
#                              media, private media, logs
#   HARBOR_SCALED_PORT         [8443] nginx, HTTPS: https://127.0.0.1:PORT/
#   HARBOR_SCALED_HTTP_PORT    [8001] gunicorn
#   HARBOR_SCALED_ASGI_PORTS   ["8101 8102"] one uvicorn process each
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bin=$root/.venv/bin
: "${DATABASE_URL:?DATABASE_URL must name the PostgreSQL database (make serve-scaled sets it)}"
: "${REDIS_URL:?REDIS_URL must name the Redis server (make serve-scaled sets it)}"
dir=$(mkdir -p "${HARBOR_SCALED_DIR:-build/serve-scaled}" && cd "${HARBOR_SCALED_DIR:-build/serve-scaled}" && pwd)
port=${HARBOR_SCALED_PORT:-8443}
http_port=${HARBOR_SCALED_HTTP_PORT:-8001}
read -r -a asgi_ports <<<"${HARBOR_SCALED_ASGI_PORTS:-8101 8102}"
migrate=no
demo=no
config_only=no
for arg in "$@"; do
  case $arg in
    --migrate) migrate=yes ;;
    --demo) demo=yes ;;
    --config-only) config_only=yes ;;
    *) echo "Unknown option: $arg (usage: $0 [--migrate] [--demo] [--config-only])" >&2; exit 2 ;;
  esac
done

bash scripts/ensure-nginx.sh
mkdir -p "$dir"/{tls,snippets,logs,tmp,staticfiles,media,private-media}

# A self-signed certificate for 127.0.0.1, made once. (An IP address, not
# localhost: browsers never remember HSTS for an address, so `make run` on
# http://localhost:8000 keeps working after a visit here.)
if [ ! -s "$dir/tls/cert.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1" \
    -keyout "$dir/tls/key.pem" -out "$dir/tls/cert.pem" 2>/dev/null
fi
[ -s "$dir/secret-key" ] || openssl rand -hex 32 >"$dir/secret-key"

# The services' environment file: the example's, with this machine's values.
ours='DATABASE_URL|REDIS_URL|DJANGO_SECRET_KEY|DJANGO_ALLOWED_HOSTS|WAGTAILADMIN_BASE_URL|HARBOR_STATIC_ROOT|HARBOR_MEDIA_ROOT|HARBOR_PRIVATE_MEDIA_ROOT'
{
  grep -Ev "^($ours)=" deploy/harbor.env.example
  echo "# Written by scripts/serve-scaled.sh for loopback."
  echo "DATABASE_URL=$DATABASE_URL"
  echo "REDIS_URL=$REDIS_URL"
  echo "DJANGO_SECRET_KEY=$(cat "$dir/secret-key")"
  echo "DJANGO_ALLOWED_HOSTS=127.0.0.1"
  echo "WAGTAILADMIN_BASE_URL=https://127.0.0.1:$port"
  echo "HARBOR_STATIC_ROOT=$dir/staticfiles"
  echo "HARBOR_MEDIA_ROOT=$dir/media"
  echo "HARBOR_PRIVATE_MEDIA_ROOT=$dir/private-media"
} >"$dir/harbor.env"
set -a
# shellcheck disable=SC1091
. "$dir/harbor.env"
set +a

# The shipped site with this machine's ports, folders and certificate; no
# port 80 (certbot's challenge) and no IPv6 on loopback.
ws_servers=""
for p in "${asgi_ports[@]}"; do
  ws_servers+="    server 127.0.0.1:$p max_fails=1 fail_timeout=10s;\n"
done
sed -e '/^# Plain HTTP only/,/^}$/d' \
  -e '/listen \[::\]/d' \
  -e "s#listen 443 ssl http2;#listen 127.0.0.1:$port ssl http2;#" \
  -e "s#server_name harbor.example.org;#server_name 127.0.0.1;#" \
  -e "s#server 127.0.0.1:8001;#server 127.0.0.1:$http_port;#" \
  -e '/server 127.0.0.1:81[0-9][0-9] max_fails/d' \
  -e "s#    least_conn;#    least_conn;\n${ws_servers%\\n}#" \
  -e "s#/etc/ssl/certs/ssl-cert-snakeoil.pem#$dir/tls/cert.pem#" \
  -e "s#/etc/ssl/private/ssl-cert-snakeoil.key#$dir/tls/key.pem#" \
  -e "s#/srv/harbor/#$dir/#g" \
  deploy/nginx/harbor.conf >"$dir/harbor.conf"
cp deploy/nginx/harbor-security-headers.conf "$dir/snippets/"

# nginx's own main configuration: Debian's /etc/nginx/nginx.conf cannot be used
# unprivileged (pid, logs, temporary files), and it holds the chat-sized
# worker_connections that docs/deploy.md asks production to set there.
{
  [ "$(id -u)" = 0 ] && echo "user $(id -un) $(id -gn);"
  cat <<EOF
worker_processes auto;
worker_rlimit_nofile 8192;
pid $dir/nginx.pid;
error_log $dir/logs/nginx-error.log warn;
events {
    worker_connections 4096;
}
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    types_hash_max_size 2048;
    access_log $dir/logs/nginx-access.log;
    client_body_temp_path $dir/tmp/client-body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/harbor.conf;
}
EOF
} >"$dir/nginx.conf"
nginx=(/usr/sbin/nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/logs/nginx-error.log")
"${nginx[@]}" -t -q
if [ $config_only = yes ]; then
  exit 0
fi

"$bin/python" manage.py collectstatic --no-input -v 0
if [ $migrate = yes ]; then
  "$bin/python" manage.py migrate --no-input -v 0
fi
if [ $demo = yes ]; then
  HARBOR_TRIAL_SERVER=true "$bin/python" manage.py demo
fi

pids=()
stop() {
  trap - EXIT INT TERM
  kill -TERM "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 50); do
    kill -0 "${pids[@]}" 2>/dev/null || break
    sleep 0.2
  done
  kill -KILL "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

"$bin/gunicorn" learning.wsgi --workers 2 --bind "127.0.0.1:$http_port" \
  --timeout 60 --graceful-timeout 5 &
pids+=($!)
for p in "${asgi_ports[@]}"; do
  "$bin/uvicorn" learning.asgi:application --host 127.0.0.1 --port "$p" \
    --ws-max-size 16384 --ws-per-message-deflate false --ws learning.ws_protocol:Protocol \
    --no-access-log --timeout-graceful-shutdown 5 &
  pids+=($!)
done
"$bin/python" manage.py db_worker --no-reload &
pids+=($!)
"${nginx[@]}" -g "daemon off;" &
pids+=($!)

for p in "$port" "$http_port" "${asgi_ports[@]}"; do
  for _ in $(seq 300); do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && break
    sleep 0.2
  done
done
echo "Harbor (scaled) is up at https://127.0.0.1:$port/ (self-signed: $dir/tls/cert.pem). Ctrl-C stops it."
# One process gone (a port taken, a crash) stops the others.
wait -n
echo "A process of the stack exited: stopping the others." >&2
exit 1
