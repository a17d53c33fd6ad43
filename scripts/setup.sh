#!/usr/bin/env bash
# Installs what Long Game needs to build and test, skipping whatever is already there.
# Sourced by scripts/serve.sh and scripts/test.sh; run it directly to only install.
# Every step that reaches a registry is time-limited and fails with a message saying
# what is missing and how to install it by hand.

LG_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LG_TRUNK_VERSION="0.21.14"
LG_WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = { *version = "=\([0-9.]*\)".*/\1/p; s/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$LG_ROOT/Cargo.toml" | head -n1)"
# Extra environment for wasm32 builds (set only by the Debian fallback below).
LG_WASM_ENV=()
export PATH="$HOME/.cargo/bin:$LG_ROOT/node_modules/.bin:$PATH"

lg_say() { printf '[setup] %s\n' "$*" >&2; }
lg_fail() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }
lg_sudo() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }

lg_apt_updated=0
lg_apt_install() {
  command -v apt-get >/dev/null || return 1
  if [ "$lg_apt_updated" = 0 ]; then
    lg_say "apt-get update"
    DEBIAN_FRONTEND=noninteractive lg_sudo timeout 600 apt-get update -qq >/dev/null || return 1
    lg_apt_updated=1
  fi
  lg_say "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive lg_sudo timeout 900 apt-get install -y -qq "$@" >/dev/null
}

lg_need_rust() {
  command -v cargo >/dev/null && command -v rustc >/dev/null ||
    lg_fail "Rust is missing. Install it with rustup (see the README), then run this again."
  if command -v rustup >/dev/null; then
    for c in rustfmt clippy; do
      rustup component list --installed 2>/dev/null | grep -q "^$c" ||
        timeout 300 rustup component add "$c" >&2 || lg_fail "rustup component add $c failed; run it by hand."
    done
  fi
}

lg_has_wasm_std() { [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]; }

lg_need_wasm_target() {
  lg_has_wasm_std && return 0
  if command -v rustup >/dev/null; then
    lg_say "rustup target add wasm32-unknown-unknown"
    timeout 300 rustup target add wasm32-unknown-unknown >&2 && lg_has_wasm_std && return 0
    lg_say "rustup could not add the wasm32 target; trying Debian's rustc-web instead"
  fi
  # Fallback: Debian's rustc builds std for wasm32 from its shipped sources; LLVM's wasm-ld links.
  if [ ! -x /usr/lib/llvm-19/bin/wasm-ld ] || [ ! -x /usr/bin/cargo ] || [ ! -d /usr/lib/rustlib/src/rust/library ]; then
    lg_apt_install rustc-web cargo-web rust-web-src lld-19 ||
      lg_fail "No wasm32 target. Run 'rustup target add wasm32-unknown-unknown' (or apt-get install rustc-web cargo-web rust-web-src lld-19)."
  fi
  LG_WASM_ENV=(PATH="/usr/bin:$PATH" CARGO=/usr/bin/cargo RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1
    CARGO_UNSTABLE_BUILD_STD=std,panic_abort
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/lib/llvm-19/bin/wasm-ld)
}

lg_need_wasm_bindgen() {
  [ -n "$LG_WASM_BINDGEN_VERSION" ] || lg_fail "Cannot read the wasm-bindgen pin from Cargo.toml."
  if wasm-bindgen --version 2>/dev/null | grep -q " $LG_WASM_BINDGEN_VERSION\$"; then return 0; fi
  lg_say "cargo install wasm-bindgen-cli $LG_WASM_BINDGEN_VERSION (about 2-4 minutes, once)"
  # No --locked: registry mirrors may lack the exact dependency versions of its lock file.
  timeout 1800 cargo install -q wasm-bindgen-cli --version "$LG_WASM_BINDGEN_VERSION" >&2 ||
    lg_fail "Could not install wasm-bindgen-cli. By hand: cargo install wasm-bindgen-cli --version $LG_WASM_BINDGEN_VERSION"
}

lg_need_trunk() {
  if trunk --version 2>/dev/null | grep -Eq ' 0\.2[12]\.'; then return 0; fi
  lg_say "cargo install trunk $LG_TRUNK_VERSION (about 5-8 minutes, once)"
  timeout 2400 cargo install -q trunk --version "$LG_TRUNK_VERSION" --locked >&2 ||
    lg_fail "Could not install trunk. By hand: cargo install trunk --version $LG_TRUNK_VERSION --locked"
}

lg_need_node_packages() {
  command -v npm >/dev/null || lg_apt_install nodejs npm ||
    lg_fail "Node.js and npm are missing: install them (e.g. apt-get install nodejs npm)."
  # playwright-core (browser driver), binaryen (wasm-opt) and terser (minifies the JS glue),
  # pinned in package-lock.json.
  if [ ! -f "$LG_ROOT/node_modules/.package-lock.json" ] ||
     [ "$LG_ROOT/package-lock.json" -nt "$LG_ROOT/node_modules/.package-lock.json" ]; then
    lg_say "npm ci (playwright-core, binaryen, terser)"
    (cd "$LG_ROOT" && timeout 600 npm ci --no-audit --no-fund --loglevel=error >&2) ||
      lg_fail "npm ci failed. By hand: cd $(basename "$LG_ROOT") && npm ci"
  fi
}

# The browser for end-to-end tests: $LONGGAME_CHROMIUM, else Debian's /usr/bin/chromium.
lg_need_browser() {
  export LONGGAME_CHROMIUM="${LONGGAME_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$LONGGAME_CHROMIUM" ] && return 0
  lg_apt_install chromium chromium-driver && [ -x "$LONGGAME_CHROMIUM" ] && return 0
  return 1
}

lg_fetch_crates() {
  # trunk builds with --offline, so every crate must be in the local cache first.
  (cd "$LG_ROOT" && timeout 600 cargo fetch -q >&2) || lg_fail "cargo fetch failed: the crate registry is unreachable."
}

# Usage: lg_setup [--browser-required]
lg_setup() {
  lg_need_rust
  lg_need_wasm_target
  lg_need_wasm_bindgen
  lg_need_trunk
  lg_need_node_packages
  if ! lg_need_browser; then
    [ "${1:-}" = --browser-required ] &&
      lg_fail "Chromium is missing: apt-get install chromium chromium-driver, or set LONGGAME_CHROMIUM to a Chromium binary."
    lg_say "note: no Chromium found; the app will serve, but the browser tests need it."
  fi
  lg_fetch_crates
}

lg_build_dist() {
  lg_say "building the release dist/"
  (cd "$LG_ROOT" && env "${LG_WASM_ENV[@]}" trunk build --release --offline) >&2
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  lg_setup "$@"
  lg_say "everything is installed"
fi
