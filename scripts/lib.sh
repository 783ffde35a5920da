# Shared by the scripts: where things are, the pinned versions, and the environment that puts
# the project's own tools first. Source it; it defines functions and sets no traps.

CMS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../tools/versions.env
. "$CMS_ROOT/tools/versions.env"

# The tools live outside the checkout, keyed by version, so every clone of this project on a
# machine shares one install and a fresh machine gets them from scripts/setup.sh.
CMS_TOOLS_DIR="${CMS_TOOLS_DIR:-$HOME/.cache/clone-model-service/tools}"
# The fallback marker: present when set-up found that rustup cannot provide Rust, so Debian's
# Rust (rustc-web) is used on this machine. CMS_RUST_FALLBACK=1 forces it for one command.
CMS_FALLBACK_MARKER="$CMS_TOOLS_DIR/rust-fallback"
CMS_RUST_CHANNEL="$(sed -n 's/^channel *= *"\(.*\)"/\1/p' "$CMS_ROOT/rust-toolchain.toml")"

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$CMS_ROOT/target}"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

cms_trunk_bin() { echo "$CMS_TOOLS_DIR/trunk-$TRUNK_VERSION/bin"; }
cms_wasm_bindgen_bin() { echo "$CMS_TOOLS_DIR/wasm-bindgen-$WASM_BINDGEN_VERSION/bin"; }
cms_wasm_split_bin() { echo "$CMS_TOOLS_DIR/wasm-split-$WASM_SPLIT_VERSION/bin"; }
cms_binaryen_bin() { echo "$CMS_TOOLS_DIR/binaryen-$BINARYEN_VERSION/node_modules/.bin"; }
cms_fallback_shims() { echo "$CMS_TOOLS_DIR/rust-web-shims"; }
cms_terser_bin() { echo "$CMS_TOOLS_DIR/terser-$TERSER_VERSION/node_modules/.bin"; }
cms_npm_dir() { echo "$CMS_TOOLS_DIR/npm-$AXE_CORE_VERSION"; }

cms_using_fallback() { [ "${CMS_RUST_FALLBACK:-0}" = 1 ] || [ -e "$CMS_FALLBACK_MARKER" ]; }

# Puts the project's tools first on PATH (and Debian's Rust, on the fallback path).
cms_env() {
  PATH="$(cms_trunk_bin):$(cms_wasm_bindgen_bin):$(cms_binaryen_bin):$PATH"
  if cms_using_fallback; then
    PATH="$(cms_fallback_shims):$PATH"
    export RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc
  fi
  export PATH
  export CMS_AXE_JS="$(cms_npm_dir)/node_modules/axe-core/axe.min.js"
}

# Downloads every crate the builds need, so that Trunk's --offline builds find them. On the
# fallback path the shims build std for wasm32 (-Zbuild-std), and only a fetch for that target
# brings std's own dependencies (dlmalloc and the others).
cms_fetch() {
  cargo fetch --locked
  if cms_using_fallback; then cargo fetch --locked --target wasm32-unknown-unknown; fi
}

# A free TCP port on 127.0.0.1 (the kernel picks it).
cms_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
