#!/bin/sh
# deps.sh: install the Debian packages lector builds and tests with, and nothing else.
# Run by `make deps` (and so by `make run` and `make test`). As root it installs what is missing
# with apt-get (one `apt-get update` first); otherwise it prints the exact command and stops.
set -eu

# build: compiler helpers, Lua 5.4 and LPeg (static libraries), libedit, PCRE2, utf8proc, ICU (the
# word break iterator for Chinese, Japanese, Thai...)
# run/test: lua5.4 + lua-lpeg (stock Lua beside the host, re.lua), busted, lfs, python3 (pty tests),
# chromium (headless: the spec that renders out/report.html); wordnet-base (its word lists and
# irregular forms, read by `make train-tagger` only: the model carries what it takes of them)
PACKAGES="${LECTOR_PACKAGES:-make gcc pkg-config liblua5.4-dev lua5.4 lua-lpeg-dev lua-lpeg libedit-dev
  libpcre2-dev libutf8proc-dev libicu-dev libxml2-dev libpoppler-glib8 lua-busted lua-filesystem python3 chromium wordnet-base}"

missing=""
for p in $PACKAGES; do
  if ! dpkg-query -W -f '${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing="$missing $p"
  fi
done
[ -z "$missing" ] && exit 0

cmd="apt-get update && apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
  echo "lector: missing Debian packages:$missing" >&2
  echo "lector: install them as root with:" >&2
  echo "  $cmd" >&2
  exit 1
fi
echo "lector: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
