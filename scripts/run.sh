#!/usr/bin/env bash
# Builds and serves the app on 127.0.0.1 with the ZStack simulator behind it (the default), or
# in front of a real ZStack management node. Rebuilds on source changes. Ctrl-C stops everything.
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
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done

"$CMS_ROOT/scripts/setup.sh" "${setup_args[@]}"
cms_env
cd "$CMS_ROOT"
cargo fetch --locked >/dev/null 2>&1 || cargo fetch --locked

port_free() { python3 -c 'import socket,sys; s=socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1])))' "$1" 2>/dev/null; }
if [ -z "$port" ]; then
  port=8080
  port_free "$port" || port=$(cms_free_port)
fi

sim_pid=""
cleanup() { [ -n "$sim_pid" ] && kill "$sim_pid" 2>/dev/null && wait "$sim_pid" 2>/dev/null; true; }
trap cleanup EXIT
trap 'exit 130' INT TERM

app="http://127.0.0.1:$port/"
if [ -z "$zstack" ]; then
  say "building the ZStack simulator"
  cargo build --locked -q -p zstack-sim --bin zstack-sim
  sim_port=$(cms_free_port)
  sim_out="$(mktemp)"
  "$CARGO_TARGET_DIR/debug/zstack-sim" --listen "127.0.0.1:$sim_port" >"$sim_out" 2>&1 &
  sim_pid=$!
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
print("Open a source service to clone (logged in), or drop the #session part to log in:")
for s in json.load(urllib.request.urlopen(req))["inventories"]:
    print(f"  {app}?uuid={s['uuid']}#session={session}   {s.get('name', '')}")
PY
else
  say "proxying /zstack/ to the management node at $zstack"
fi

say "serving the app on $app (Ctrl-C stops)"
trunk serve "${release[@]}" --offline --address 127.0.0.1 --port "$port" \
  --proxy-backend "${zstack%/}/zstack/"
