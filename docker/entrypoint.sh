#!/bin/sh
# Entrypoint of the Vanguard image. `docker run … vanguard [command] [args]`:
#   no arguments          -> the image's CMD (scan /src)
#   arguments starting -- -> options of `scan` (e.g. `--format sarif`), on the current folder
#   anything else         -> a vanguard command line (`scan`, `db update`, `rules list`, …)
set -eu

cli="${VANGUARD_CLI:-/opt/vanguard/dist/cli/main.js}"

# A mounted repository belongs to another user than the container's; git then refuses to read it
# ("dubious ownership"). Trust the folder being scanned (default: the working directory) for this
# process only: Vanguard runs git with a clean environment that keeps HOME and XDG_CONFIG_HOME, so
# the setting goes into a throw-away XDG config folder; the user's own git configuration is untouched.
xdg="$(mktemp -d)"
mkdir -p "$xdg/git"
if [ -n "${XDG_CONFIG_HOME:-}" ] && [ -f "$XDG_CONFIG_HOME/git/config" ]; then
  cp "$XDG_CONFIG_HOME/git/config" "$xdg/git/config"
fi
git config --file "$xdg/git/config" --add safe.directory "${VANGUARD_SAFE_DIRECTORY:-$PWD}"
export XDG_CONFIG_HOME="$xdg"

if [ "$#" -eq 0 ]; then
  set -- scan .
fi
case "$1" in
  -h | --help | -V | --version) ;;
  -*) set -- scan . "$@" ;;
esac
exec node "$cli" "$@"
