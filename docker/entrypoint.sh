#!/bin/sh
# Entrypoint of the Vanguard image. `docker run … vanguard [command] [args]`:
#   no arguments          -> the image's CMD (scan /src)
#   arguments starting -- -> options of `scan` (e.g. `--format sarif`), on the current folder
#   anything else         -> a vanguard command line (`scan`, `db update`, `rules list`, …)
set -eu

cli="${VANGUARD_CLI:-/opt/vanguard/dist/cli/main.js}"

# A mounted repository belongs to another user than the container's; git then refuses to read it
# ("dubious ownership"). Trust the folder being scanned (default: the working directory) for this
# process only, through the environment, without writing any git configuration.
export GIT_CONFIG_COUNT=1
export GIT_CONFIG_KEY_0=safe.directory
export GIT_CONFIG_VALUE_0="${VANGUARD_SAFE_DIRECTORY:-$PWD}"

if [ "$#" -eq 0 ]; then
  set -- scan .
fi
case "$1" in
  -h | --help | -V | --version) ;;
  -*) set -- scan . "$@" ;;
esac
exec node "$cli" "$@"
