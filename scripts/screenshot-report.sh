#!/usr/bin/env bash
# Renders an HTML report in headless Chromium (Debian's package: apt-get install chromium) and saves
# a full-page PNG screenshot. Usage: scripts/screenshot-report.sh REPORT.html OUT.png [WIDTH] [HEIGHT]
set -euo pipefail
html="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
out="$2"
width="${3:-1200}"
height="${4:-2400}"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "screenshot-report: no chromium on PATH (Debian: apt-get install chromium)" >&2
  exit 2
fi
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
tmp="$(mktemp --suffix=.png)"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars --window-size="$width,$height" \
  --screenshot="$tmp" "file://$html" >/dev/null 2>&1
mv "$tmp" "$out"
echo "wrote $out"
