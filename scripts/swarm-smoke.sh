#!/usr/bin/env bash
# Swarm smoke test (run by .ci/run after the compose smoke test): deploy
# deploy/swarm/stack.yml with 3 replicas on a one-node swarm and prove, under load
# from our own gRPC client (the load generator in a FROM scratch container on the
# stack's overlay network: DNS round robin over the replicas, per-call balancing,
# retries of calls a server never answered), that
#   - every replica answers a share of the calls (each replica's own counter);
#   - a rolling update (`docker service update --force`) fails no call;
#   - a replica killed with SIGKILL loses no call, and the swarm brings it back;
#   - scaling 3 -> 5 -> 2 fails no call.
# The last line sums it up; the exit code is non-zero when any figure falls short.
# The host is left as found: the stack, its network, the client containers and the
# images are removed, and the swarm is left only if this script created it.
#
# Knobs: NEWSPARSE_SWARM_KEEP_IMAGES=1 (keep both images), NEWSPARSE_SWARM_TIMEOUT
# (seconds for replicas to converge, default 120), NEWSPARSE_SWARM_CONCURRENCY (calls
# in flight, default 4), CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

TIMEOUT=${NEWSPARSE_SWARM_TIMEOUT:-120}
CONCURRENCY=${NEWSPARSE_SWARM_CONCURRENCY:-4}
say() { printf 'swarm-smoke: %s\n' "$*"; }
die() { printf '\nswarm-smoke: FAIL: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ------------------------------------------------------------------
# shellcheck source=lib/prereq.sh
. scripts/lib/prereq.sh
docker_present || exit 0
need_jq
swarm_state=$(docker info --format '{{.Swarm.LocalNodeState}}')
case $swarm_state in
    inactive) ;;
    active) [ "$(docker info --format '{{.Swarm.ControlAvailable}}')" = true ] \
        || die "this host is a swarm worker; stacks are deployed from a manager" ;;
    *) die "swarm state is '$swarm_state'; wait until it is active or inactive" ;;
esac
say "engine $(docker version -f '{{.Server.Version}}'), swarm $swarm_state"

# --- names, cleanup -------------------------------------------------------------------
STACK="newsparse-swarm-$$"
SVC="${STACK}_newsparse"
NET="${STACK}_newsparse"
IMAGE="newsparse:swarm-$$"
CLIENT_IMAGE="newsparse-loadgen:swarm-$$"
LABEL="newsparse-swarm-smoke=$$"
created_swarm=0
gwbridge_before=$(docker network ls -q --filter name='^docker_gwbridge$')
tmp=$(mktemp -d)
gone() { # $1 = seconds to wait for the stack's containers and network to go
    local deadline=$((SECONDS + $1))
    while [ -n "$(docker ps -aq --filter label=com.docker.stack.namespace="$STACK")" ] \
        || [ -n "$(docker network ls -q --filter label=com.docker.stack.namespace="$STACK")" ]; do
        [ "$SECONDS" -lt "$deadline" ] || return 1
        sleep 1
    done
}
cleanup() {
    set +e
    local ids
    ids=$(docker ps -aq --filter label="$LABEL")
    [ -z "$ids" ] || docker rm -f $ids >/dev/null
    docker stack rm "$STACK" >/dev/null 2>&1
    gone 60 || say "WARNING: stack $STACK still has containers or a network after 60 s"
    if [ "${NEWSPARSE_SWARM_KEEP_IMAGES:-0}" != 1 ]; then
        docker image rm "$IMAGE" "$CLIENT_IMAGE" >/dev/null 2>&1
    fi
    if [ "$created_swarm" = 1 ]; then
        docker swarm leave --force >/dev/null || say "WARNING: docker swarm leave failed"
        # swarm init creates docker_gwbridge; leaving does not remove it.
        [ -n "$gwbridge_before" ] || docker network rm docker_gwbridge >/dev/null 2>&1
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT
dump() {
    printf '\n--- docker service ps\n' >&2
    docker service ps --no-trunc "$SVC" >&2 || true
    printf -- '--- service logs (last 60 lines)\n' >&2
    docker service logs --no-task-ids --tail 60 "$SVC" >&2 || true
    die "$*"
}

# --- build ---------------------------------------------------------------------------
say "building the static binaries (scripts/build-static.sh newsparse newsparse-loadgen)"
scripts/build-static.sh newsparse newsparse-loadgen
docker build -q -f Dockerfile.prebuilt -t "$IMAGE" . >/dev/null || die "server image build failed"
docker build -q -f deploy/swarm/Dockerfile.loadgen -t "$CLIENT_IMAGE" . >/dev/null \
    || die "client image build failed"
say "images $IMAGE and $CLIENT_IMAGE built (FROM scratch: nothing pulled)"

# --- swarm, stack --------------------------------------------------------------------
if [ "$swarm_state" = inactive ]; then
    docker swarm init --advertise-addr 127.0.0.1 --listen-addr 127.0.0.1:2377 >/dev/null \
        || die "docker swarm init on loopback failed"
    created_swarm=1
    say "one-node swarm created on 127.0.0.1 (left again at the end)"
fi
t_deploy=$SECONDS
NEWSPARSE_IMAGE=$IMAGE NEWSPARSE_REPLICAS=3 \
    docker stack deploy --resolve-image never -c deploy/swarm/stack.yml "$STACK" >"$tmp/deploy.log" 2>&1 \
    || { cat "$tmp/deploy.log" >&2; die "docker stack deploy failed"; }
grep -i 'ignoring' "$tmp/deploy.log" | sed 's/^/swarm-smoke: (docker) /' || true

# Containers of the service that are running and healthy.
healthy() { docker ps -q --filter label=com.docker.swarm.service.name="$SVC" --filter health=healthy | wc -l; }
# Containers of the service that exist at all (a draining replica still counts).
present() { docker ps -q --filter label=com.docker.swarm.service.name="$SVC" | wc -l; }
converge() { # $1 = replicas; waits until exactly that many containers run, all healthy
    local deadline=$((SECONDS + TIMEOUT))
    while [ "$(healthy)" -ne "$1" ] || [ "$(present)" -ne "$1" ]; do
        [ "$SECONDS" -lt "$deadline" ] || dump "not $1 healthy replicas after ${TIMEOUT}s ($(healthy) healthy, $(present) present)"
        sleep 1
    done
}
converge 3
say "3 replicas healthy $((SECONDS - t_deploy))s after deploy"

# Each replica answers health from a container on the overlay network, by its IP,
# and the service name resolves (DNS round robin) for our own health command.
ips=$(docker ps -q --filter label=com.docker.swarm.service.name="$SVC" \
    | xargs docker inspect -f "{{(index .NetworkSettings.Networks \"$NET\").IPAddress}}" | sort)
for ip in $ips; do
    docker run --rm --label "$LABEL" --network "$NET" "$IMAGE" health --addr "$ip:50051" --timeout-secs 5 \
        || dump "replica $ip does not answer health from the overlay network"
done
docker run --rm --label "$LABEL" --network "$NET" "$IMAGE" health --addr newsparse:50051 --timeout-secs 5 \
    || dump "health over the name newsparse:50051 failed"
say "ok      health SERVING from the overlay network: $(echo $ips | tr ' ' ',') and newsparse:50051"

# --- load ------------------------------------------------------------------------------
# A client container: calls spread over every replica `newsparse` resolves to, two
# connections each, re-resolved every second and after a failure, calls a server
# never answered retried up to 6 times. It runs until stopped (SIGTERM ends the run
# and prints the report; --duration only caps it).
load_start() { # $1 = phase name
    docker run -d --name "$STACK-$1" --label "$LABEL" --network "$NET" "$CLIENT_IMAGE" \
        run --addr newsparse:50051 --private-network --corpus /corpus \
        --concurrency "$CONCURRENCY" --connections 2 --retries 6 --retry-backoff-ms 50 \
        --resolve-every 1 --warmup 0 --duration 300 --json >/dev/null
    sleep 2 # calls flowing before the operation starts
}
load_stop() { # $1 = phase name; leaves the report's JSON in $tmp/$1.json
    docker stop -t 60 "$STACK-$1" >/dev/null
    docker logs "$STACK-$1" >"$tmp/$1.log" 2>&1
    grep '^{' "$tmp/$1.log" | tail -1 >"$tmp/$1.json"
    docker rm "$STACK-$1" >/dev/null
    [ -s "$tmp/$1.json" ] || { cat "$tmp/$1.log" >&2; dump "the $1 load printed no report"; }
    sed -n '/^load:/,/^ok by server/p' "$tmp/$1.log" | sed "s/^/swarm-smoke: [$1] /"
}
fig() { jq -r "$2" "$tmp/$1.json"; } # $1 = phase, $2 = jq expression on its report
failed() { fig "$1" '[.errors[]] | add // 0'; }
retried() { fig "$1" '[.retries[]] | add // 0'; }
short=()
need() { # $1 = what, $2 = condition (shell arithmetic), true or recorded as short
    if (($2)); then say "ok      $1"; else say "SHORT   $1"; short+=("$1"); fi
}

# 1. Spread: each replica's own count of parsed articles.
load_start spread
sleep 6
load_stop spread
docker run --rm --label "$LABEL" --network "$NET" "$CLIENT_IMAGE" \
    scrape --addr newsparse:9090 --private-network >"$tmp/scrape.txt" || dump "metrics scrape failed"
counts=$(grep -v '^total' "$tmp/scrape.txt" | awk '{ printf "%s%d", (NR > 1 ? "/" : ""), $2 }')
total=$(awk '$1 == "total" { print int($2) }' "$tmp/scrape.txt")
least=$(grep -v '^total' "$tmp/scrape.txt" | awk 'NR == 1 || $2 < m { m = $2 } END { print int(m) }')
replicas=$(grep -vc '^total' "$tmp/scrape.txt")
spread="$counts of $total"
need "spread: each of $replicas replicas parsed a share ($spread; at least a quarter of an even share)" \
    "replicas == 3 && total > 0 && least * 12 >= total && $(failed spread) == 0"

# 2. Rolling update under load.
load_start update
t0=$SECONDS
docker service update --force --detach=false -q "$SVC" >"$tmp/update.log" 2>&1 \
    || { cat "$tmp/update.log" >&2; dump "docker service update --force failed"; }
update_s=$((SECONDS - t0))
converge 3
# The CLI returns once the tasks converged; the update completes after `monitor` (a
# task failing within it would have rolled the service back instead).
deadline=$((SECONDS + TIMEOUT))
while state=$(docker service inspect -f '{{if .UpdateStatus}}{{.UpdateStatus.State}}{{end}}' "$SVC") \
    && [ "$state" = updating ] && [ "$SECONDS" -lt "$deadline" ]; do
    sleep 1
done
load_stop update
completed=0
[ "$state" != completed ] || completed=1
need "rolling update in ${update_s}s (state $state): $(failed update) failed of $(fig update .sent), $(fig update .missing) missing, $(retried update) retried" \
    "$(failed update) == 0 && $(fig update .missing) == 0 && $(fig update .sent) > 0 && $completed"

# 3. One replica's container killed under load.
load_start kill
victim=$(docker ps -q --filter label=com.docker.swarm.service.name="$SVC" | head -1)
t0=$SECONDS
docker kill "$victim" >/dev/null
sleep 2
converge 3
back_s=$((SECONDS - t0))
sleep 2
load_stop kill
need "kill: $(failed kill) failed of $(fig kill .sent), $(retried kill) retried, back to 3 healthy in ${back_s}s" \
    "$(failed kill) == 0 && $(fig kill .missing) == 0 && $(fig kill .sent) > 0"

# 4. Scale 3 -> 5 -> 2 under load.
load_start scale
docker service scale -d "$SVC=5" >/dev/null
converge 5
sleep 3 # the client re-resolves every second: the new replicas get calls
docker service scale -d "$SVC=2" >/dev/null
converge 2
sleep 2
load_stop scale
answered=$(fig scale '.by_server | length')
need "scale 3->5->2: $(failed scale) failed of $(fig scale .sent), $(retried scale) retried, $answered replicas answered" \
    "$(failed scale) == 0 && $(fig scale .missing) == 0 && $(fig scale .sent) > 0 && $answered >= 5"

# --- summary -------------------------------------------------------------------------
verdict=PASS
[ "${#short[@]}" -eq 0 ] || verdict="FAIL (${#short[@]} short)"
say "swarm: replicas 3, spread $counts (per replica, its own count), rolling update $(failed update) failed of $(fig update .sent)" \
    "($(retried update) retried), kill $(failed kill) failed of $(fig kill .sent) ($(retried kill) retried," \
    "back in ${back_s}s), scale 3->5->2 $(failed scale) failed of $(fig scale .sent) ($(retried scale) retried," \
    "$answered answered): $verdict in ${SECONDS}s"
[ "$verdict" = PASS ]
