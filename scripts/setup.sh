#!/usr/bin/env bash
# Idempotent set-up of everything the app, the tests and the benchmarks need, on a machine that reaches
# only package registries (crates.io, npm, Debian apt, rustup). Downloads no prebuilt binary from
# anywhere else. Costs about a second when everything is already installed; fails loudly otherwise.
# Adapted from ../shared/toolchain/setup-web-toolchain.sh (the tested recipe; see TOOLCHAIN.md).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14            # 0.22.x needs rustc >= 1.96.1
WASM_PACK_VERSION=0.15.1
# wasm-bindgen CLI must equal the library version locked in Cargo.lock.
WASM_BINDGEN_VERSION=$(awk '$0=="name = \"wasm-bindgen\"" {getline; gsub(/"/,"",$3); print $3; exit}' Cargo.lock)

log() { echo "[setup] $*" >&2; }
die() { echo "[setup] ERROR: $*" >&2; exit 1; }
t0=$(date +%s)
[[ -n $WASM_BINDGEN_VERSION ]] || die "no wasm-bindgen in Cargo.lock"
command -v cargo >/dev/null || die "cargo not found (install Rust with rustup)"
command -v node >/dev/null || die "node not found"
command -v npm >/dev/null || die "npm not found"
export PATH="$HOME/.cargo/bin:$PATH"

# 1. Debian: Chromium and its driver (one build, so versions match).
apt_missing=()
for p in chromium chromium-driver; do
  [[ $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true) == "install ok installed" ]] || apt_missing+=("$p")
done
if ((${#apt_missing[@]})); then
  log "apt-get install ${apt_missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_missing[@]}"
fi
[[ $(/usr/bin/chromium --version 2>/dev/null) == Chromium* ]] || die "chromium does not run"

# 2. Rust: wasm target, rustfmt, clippy.
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
for c in rustfmt clippy; do
  rustup component list --installed | grep -q "^$c" || rustup component add "$c"
done

# 3. Cargo-installed tools at exact versions (--locked first; the index here can lack versions that a
#    tool's lockfile pins, e.g. wasm-bindgen-cli, so fall back to an unlocked install).
cargo_tool() { # <binary> <crate> <version>
  local bin=$1 crate=$2 ver=$3
  if command -v "$bin" >/dev/null && [[ $("$bin" --version 2>/dev/null | awk '{print $2}') == "$ver" ]]; then
    return
  fi
  log "cargo install $crate@$ver (minutes on 2 cores)"
  cargo install --locked --force "$crate@$ver" || {
    log "--locked install of $crate@$ver failed; retrying without --locked"
    cargo install --force "$crate@$ver" || die "cargo install $crate@$ver failed"
  }
  [[ $("$bin" --version | awk '{print $2}') == "$ver" ]] || die "$bin --version is not $ver"
}
cargo_tool wasm-bindgen wasm-bindgen-cli "$WASM_BINDGEN_VERSION"
cargo_tool trunk trunk "$TRUNK_VERSION"
cargo_tool wasm-pack wasm-pack "$WASM_PACK_VERSION"

# 4. Node packages for the end-to-end tests and the browser benchmark (exact versions from the lockfile).
for dir in tests; do
  if [[ ! -d $dir/node_modules ]] || ! (cd "$dir" && npm ls --depth=0 >/dev/null 2>&1); then
    log "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund)
  fi
done

# 6. Crates for offline Trunk builds (Trunk runs cargo --offline).
cargo fetch --locked -q

log "ready in $(( $(date +%s) - t0 )) s"
