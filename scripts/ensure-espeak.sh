#!/usr/bin/env bash
# Generated pronunciation (packets/voice/espeak.py) runs Debian's espeak-ng and
# encodes with lame. Install them when they are missing and we may; otherwise
# say how. Harbor runs without them: words then simply have no generated voice.
set -euo pipefail
if command -v espeak-ng >/dev/null && command -v lame >/dev/null; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's espeak-ng and lame for generated pronunciation..."
  apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends espeak-ng lame >/dev/null
  exit 0
fi
echo "Generated pronunciation needs Debian's espeak-ng and lame. Install them with:" >&2
echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends espeak-ng lame" >&2
exit 1
