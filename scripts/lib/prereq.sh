# Prerequisites the deployment smoke tests share; sourced after the caller defines
# say() and die(), so messages carry the caller's name.

# Returns 1 (the caller skips) on a machine with no Docker engine at all; dies when
# Docker is half there or its engine does not answer.
docker_present() {
    if ! command -v docker >/dev/null 2>&1 && [ ! -S /var/run/docker.sock ] && [ -z "${DOCKER_HOST:-}" ]; then
        say "SKIP: no Docker engine on this machine (no docker CLI, no /var/run/docker.sock, no DOCKER_HOST)"
        return 1
    fi
    command -v docker >/dev/null 2>&1 || die "a Docker socket exists but there is no docker CLI"
    docker info >/dev/null 2>&1 || die "the Docker engine does not answer: $(docker info 2>&1 | tail -1)"
}

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# Installs jq from Debian's packages when it is missing.
need_jq() {
    if ! command -v jq >/dev/null 2>&1; then
        say "installing jq (apt)"
        sudo_if_needed apt-get update -qq && sudo_if_needed apt-get install -y -qq jq >/dev/null
    fi
    command -v jq >/dev/null || die "jq is missing"
}
