#!/usr/bin/env bash
# Checks that calls spread over replicas, on a machine with no registry (so the proxy
# container of docker-compose.scale.yml cannot be pulled): starts the newsparse replicas of
# that file, runs a HOST nginx with deploy/scale/nginx.conf (its upstream line rewritten to
# the replicas' container addresses), then sends 30 Parse calls over ONE connection through
# nginx, and 30 with client-side round_robin straight to the replicas, and counts, from
# each replica's log, the calls it served. Linux only (the host must reach container IPs).
#
#   NGINX_BIN=/path/to/nginx deploy/scale/verify-balancing.sh     # needs grpcio (pip), jq
set -euo pipefail
cd "$(dirname "$0")/../.."
NGINX_BIN=${NGINX_BIN:-nginx}  # not $NGINX: nginx reads that one itself
N=${N:-30}
PROXY_PORT=${PROXY_PORT:-15071}
FIXTURE=tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt
if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
export COMPOSE_PROJECT_NAME="newsparse-scale-verify-$$"
export NEWSPARSE_DOCKERFILE=Dockerfile.prebuilt NEWSPARSE_IMAGE="newsparse:scale-verify-$$"
# Each replica logs every call it serves, with the call's id, at debug.
export NEWSPARSE_LOG='info,newsparse::grpc::service=debug'
compose() { "${COMPOSE[@]}" -f deploy/scale/docker-compose.scale.yml "$@"; }
tmp=$(mktemp -d)
nginx_pid=""
cleanup() {
    [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null
    compose down -v --rmi all >/dev/null 2>&1 || echo "verify-balancing: compose down failed" >&2
    rm -rf "$tmp"
}
trap cleanup EXIT

[ -x deploy/bin/newsparse ] || scripts/build-static.sh
compose build newsparse >/dev/null
compose up -d newsparse
replicas=$(compose ps -q newsparse)
for _ in $(seq 60); do
    healthy=$(for c in $replicas; do docker inspect -f '{{.State.Health.Status}}' "$c"; done | grep -c '^healthy$' || true)
    [ "$healthy" = "$(echo "$replicas" | wc -l)" ] && break
    sleep 1
done
echo "verify-balancing: $healthy replicas healthy"
ips=$(for c in $replicas; do docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$c"; done)

# The same nginx.conf, with the upstream spelled as the addresses Docker's DNS would return.
servers=$(for ip in $ips; do printf '        server %s:50051;\\n' "$ip"; done)
sed -e "s|^ *server newsparse:50051;|$servers|" \
    -e "s|listen 50051 http2;|listen 127.0.0.1:$PROXY_PORT http2;|" \
    -e "s|^pid .*|pid $tmp/nginx.pid;|" \
    -e "s|access_log /dev/stdout;|log_format conn '\$connection \$status'; access_log $tmp/access.log conn;|" \
    -e "s|^http {|http {\n    client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy;\n    fastcgi_temp_path $tmp/fcgi; uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;|" \
    deploy/scale/nginx.conf >"$tmp/nginx.conf"
mkdir -p "$tmp/logs"
"$NGINX_BIN" -p "$tmp" -e stderr -c "$tmp/nginx.conf" -t
"$NGINX_BIN" -p "$tmp" -e stderr -c "$tmp/nginx.conf" -g 'daemon off;' >"$tmp/nginx.out" 2>&1 &
nginx_pid=$!
for _ in $(seq 50); do (exec 3<>"/dev/tcp/127.0.0.1/$PROXY_PORT") 2>/dev/null && break; sleep 0.1; done

served() { # $1 = id prefix: one line per replica, "name count"
    for c in $replicas; do
        printf '  %s %s\n' "$(docker inspect -f '{{.Name}}' "$c")" \
            "$(docker logs "$c" 2>&1 | grep '"message":"parsed"' | grep -c "\"$1-" || true)"
    done
}
check_spread() { # every replica served at least one call
    served "$1" | tee "$tmp/$1.txt"
    if grep -q ' 0$' "$tmp/$1.txt"; then echo "verify-balancing: FAIL: a replica got no $1 call" >&2; exit 1; fi
}
python3 deploy/scale/parse_many.py --target "127.0.0.1:$PROXY_PORT" -n "$N" --tag viaproxy "$FIXTURE"
check_spread viaproxy
conns=$(cut -d' ' -f1 "$tmp/access.log" | sort -u | wc -l)
echo "  client connections to nginx: $conns (so balancing was per call, not per connection)"
[ "$conns" = 1 ] || { echo "verify-balancing: FAIL: expected 1 client connection" >&2; exit 1; }
targets=$(for ip in $ips; do printf '%s:50051,' "$ip"; done)
python3 deploy/scale/parse_many.py --target "ipv4:${targets%,}" --round-robin -n "$N" --tag clientrr "$FIXTURE"
check_spread clientrr
echo "verify-balancing: PASS"
