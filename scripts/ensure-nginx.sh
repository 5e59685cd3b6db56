#!/usr/bin/env bash
# `make serve-scaled` and `make test-scaled` run Debian's nginx with the shipped
# site (deploy/nginx/). Install it when it is missing and we may, with ssl-cert,
# whose self-signed pair is the site's placeholder certificate (as on a fresh
# Debian, where installing ssl-cert makes it); otherwise stop with the command.
set -euo pipefail
snakeoil=/etc/ssl/certs/ssl-cert-snakeoil.pem
if [ -x /usr/sbin/nginx ] && [ -f "$snakeoil" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's nginx and ssl-cert for the scaled stack..."
  apt-get update -q >/dev/null
  # policy-rc.d (if any) keeps the package from starting nginx on port 80 here.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx ssl-cert >/dev/null
  [ -f "$snakeoil" ] || make-ssl-cert generate-default-snakeoil
  exit 0
fi
echo "The scaled stack needs Debian's nginx and ssl-cert. Install them with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y nginx ssl-cert" >&2
echo "  sudo make-ssl-cert generate-default-snakeoil   # if $snakeoil is missing" >&2
exit 1
