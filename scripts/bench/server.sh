# Sourced by the bench scripts: a scratch directory and one server on a free loopback
# port, both gone when the script exits. After `start_server [serve flags...]`: $addr,
# $server_pid, $work/server.log.
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# start_server [serve flags...]: $PIN (e.g. "taskset -c 0", may be empty) $SERVER serve on
# a free port, then wait (up to 10 s) until it reports SERVING.
start_server() {
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  addr=127.0.0.1:$port
  # shellcheck disable=SC2086
  ${PIN:-} "$SERVER" serve --addr "$addr" "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 100); do
    "$SERVER" health --addr "$addr" --timeout-secs 1 >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  cat "$work/server.log" >&2
  echo "server at $addr never reported SERVING" >&2
  exit 1
}
