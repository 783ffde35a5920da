#!/usr/bin/env bash
# Builds and serves the app on 127.0.0.1 with the ZStack simulator behind it (the default), or
# in front of a real ZStack management node. Rebuilds on source changes. Ctrl-C, kill
# or closing the terminal stops everything.
#
#   scripts/run.sh                               app + built-in simulator (account admin / password)
#   scripts/run.sh --zstack http://10.0.0.5:8080 app in front of a real management node
#   scripts/run.sh --port 9000                   serve on another port (default 8080, else a free one)
#   scripts/run.sh --release                     serve the size-optimised release build
#   scripts/run.sh --fallback                    use Debian's Rust instead of rustup (see setup.sh)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

zstack=""
port=""
release=()
setup_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --zstack) zstack=${2:?--zstack needs a URL like http://host:8080}; shift ;;
    --port) port=${2:?--port needs a number}; shift ;;
    --release) release=(--release) ;;
    --fallback) export CMS_RUST_FALLBACK=1 ;;
    --ordinary) setup_args+=("$1") ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

"$CMS_ROOT/scripts/setup.sh" "${setup_args[@]}"
cms_env
cd "$CMS_ROOT"
cms_fetch >/dev/null 2>&1 || cms_fetch

port_free() { python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
if [ -z "$port" ]; then
  port=8080
  port_free "$port" || port=$(cms_free_port)
fi

# The simulator and trunk run in the background, each in a process group of its own (setsid),
# and the script waits for them: bash runs a trap only between commands, never while a
# foreground command runs, and a group can be stopped with everything it started (trunk's cargo,
# rustc, wasm-bindgen, wasm-opt). Whatever ends the script stops them all: Ctrl-C (INT), kill
# (TERM), a closed terminal (HUP), trunk exiting or failing, or an error in the script.
child_groups=()
spawn() { # command...: in the background; its pid, which is its process group, is kept
  setsid "$@" &
  child_groups+=("$!")
}
stop_groups() { # (set -e holds in traps: every command here must succeed or be guarded)
  trap '' INT TERM HUP # a second Ctrl-C must not cut the clean-up short
  local pid alive _
  [ ${#child_groups[@]} -eq 0 ] && return
  for pid in "${child_groups[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  # Up to 5 s for every member to be gone (an orphaned grandchild counts until init reaps it).
  for _ in $(seq 50); do
    alive=0
    for pid in "${child_groups[@]}"; do kill -0 -- "-$pid" 2>/dev/null && alive=1; done
    [ $alive = 0 ] && break
    sleep 0.1
  done
  for pid in "${child_groups[@]}"; do
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  child_groups=()
}
sim_out=""
cleanup() {
  stop_groups
  [ -z "$sim_out" ] || rm -f "$sim_out"
  true
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

app="http://127.0.0.1:$port/"
if [ -z "$zstack" ]; then
  say "building the ZStack simulator"
  cargo build --locked -q -p zstack-sim --bin zstack-sim
  sim_port=$(cms_free_port)
  sim_out="$(mktemp)"
  # The built-in services plus enough generated ones to page through the source list.
  spawn "$CARGO_TARGET_DIR/debug/zstack-sim" --listen "127.0.0.1:$sim_port" --catalogue 45 \
    >"$sim_out" 2>&1
  for _ in $(seq 100); do grep -q 'listening on' "$sim_out" && break; sleep 0.1; done
  grep -q 'listening on' "$sim_out" || { cat "$sim_out" >&2; die "the simulator did not start"; }
  zstack="http://127.0.0.1:$sim_port"
  say "ZStack simulator on $zstack (account admin, password password)"
  # Log in once and list the seeded services with ready-made links (session in the fragment).
  python3 - "$zstack" "$app" <<'PY' || true
import hashlib, json, sys, urllib.request
base, app = sys.argv[1], sys.argv[2]
body = json.dumps({"logInByAccount": {"accountName": "admin",
                   "password": hashlib.sha512(b"password").hexdigest()}}).encode()
req = urllib.request.Request(base + "/zstack/v1/accounts/login", body, method="PUT",
                             headers={"Content-Type": "application/json;charset=UTF-8"})
session = json.load(urllib.request.urlopen(req))["inventory"]["uuid"]
req = urllib.request.Request(base + "/zstack/v1/ai/model-services?fields=uuid,name",
                             headers={"Authorization": "OAuth " + session})
services = json.load(urllib.request.urlopen(req))["inventories"]
print(f"Choose the source from the list of {len(services)} model services (logged in; without #session: log in):")
print(f"  {app}#session={session}")
print("Or open a source service to clone (logged in), or drop the #session part to log in:")
# The seed's own services; the generated catalogue-model-NNN ones are there to page through.
for s in services:
    if not s.get("name", "").startswith("catalogue-model-"):
        print(f"  {app}?uuid={s['uuid']}#session={session}   {s.get('name', '')}")
PY
else
  say "proxying /zstack/ to the management node at $zstack"
fi

say "serving the app on $app (Ctrl-C stops)"
# Trunk refuses to start when a watch ignore path of Trunk.toml is missing, and target/ is when
# CARGO_TARGET_DIR points elsewhere.
mkdir -p "$CMS_ROOT/target" "$CMS_ROOT/dist"
spawn trunk serve "${release[@]}" --offline --address 127.0.0.1 --port "$port" \
  --proxy-backend "${zstack%/}/zstack/"
trunk_pid=$!
status=0
wait "$trunk_pid" || status=$? # a signal runs its trap (exit) instead and ends the script there
say "trunk exited with status $status; stopping"
exit "$status"
