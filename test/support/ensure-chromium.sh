#!/bin/sh
# The browser tests (test/support/browser.ts) drive Debian's chromium through playwright-core.
# Run by `npm test` and .ci/run: does nothing when it is installed, installs it when it is not
# (as root, or through sudo), and otherwise stops with one line saying how.
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0

how="The browser tests need Chromium at $CHROMIUM: install it with 'sudo apt-get install -y chromium' (Debian), or set CHROMIUM_PATH to a Chromium binary."
if [ -n "$CHROMIUM_PATH" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "$how" >&2
  exit 1
fi
if [ "$(id -u)" = 0 ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1; then
  as_root="sudo"
else
  echo "$how" >&2
  exit 1
fi

echo "Installing Debian's chromium for the browser tests (apt-get install -y chromium)..."
export DEBIAN_FRONTEND=noninteractive
# A fresh machine may have no package lists yet: update them once if the first attempt fails.
if ! $as_root apt-get install -y -q chromium >/dev/null 2>&1; then
  $as_root apt-get update -q >/dev/null && $as_root apt-get install -y -q chromium >/dev/null
fi
if [ ! -x "$CHROMIUM" ]; then
  echo "$how" >&2
  exit 1
fi
