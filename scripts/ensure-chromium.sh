#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium through playwright-core. Install it
# from Debian's packages when it is missing (never a tool's own browser download).
set -euo pipefail
# A CJK font too: the Binance descriptions are Chinese, and screenshots of
# tool pages must show them as text, not as empty boxes.
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
# (Read the list first: with pipefail, grep -q closing the pipe early would fail it.)
fonts="$(fc-list 2>/dev/null || true)"
grep -qiE "wenquanyi|noto sans cjk" <<<"$fonts" || missing="$missing fonts-wqy-zenhei"
if [ -z "$missing" ]; then exit 0; fi
echo "installing Debian packages:$missing" >&2
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
