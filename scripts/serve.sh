#!/usr/bin/env bash
# Installs what is missing, builds the release dist/ and serves it on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
lg_setup
lg_build_dist
exec node "$LG_ROOT/scripts/static-server.mjs" "$LG_ROOT/dist" "${PORT:-8080}"
