# shellcheck shell=bash
# What the scripts and the benches share (sourced, not run): the one readiness wait, the one GitOps repository seeding,
# a human's resume commit, and running a server tool as its own user. Sets no shell options.
LIB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The Knative manifest the pause edits, at the path the prober's default GITOPS_MANIFEST_PATH names.
MANIFEST=argocd/applications/torghut/knative-service.yaml

# wait_for WHAT TIMEOUT_S CMD... : runs CMD (output discarded) every 0.1 s until it succeeds. After TIMEOUT_S it says
# "timeout waiting for WHAT" on stderr and returns 1; callers decide whether that ends them.
wait_for() {
  local what=$1 deadline=$((SECONDS + $2)); shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then echo "timeout waiting for $what" >&2; return 1; fi
    sleep 0.1
  done
}

# gone PID: true once the process has exited (for wait_for).
gone() { ! kill -0 "$1" 2>/dev/null; }

# seed_gitops_repo BARE_DIR CLONE_DIR: a bare repository (branch main) whose one commit holds Torghut's Knative manifest
# with TRADING_ENABLED "true" (src/test/resources/e2e/knative-service.yaml) at $MANIFEST, and a clone of it in CLONE_DIR
# for the commits a human makes (human_resume).
seed_gitops_repo() {
  git init -q --bare -b main "$1"
  git clone -q "$1" "$2" 2>/dev/null
  mkdir -p "$2/$(dirname "$MANIFEST")"
  cp "$LIB_ROOT/src/test/resources/e2e/knative-service.yaml" "$2/$MANIFEST"
  git -C "$2" add -A
  git -C "$2" -c user.name=seed -c user.email=seed@example.invalid commit -qm "torghut: initial manifest"
  git -C "$2" push -q origin HEAD:main
}

# human_resume CLONE_DIR MESSAGE: in a clone made by seed_gitops_repo, pulls, sets TRADING_ENABLED back to "true" and
# pushes that as a human's commit (no prober trailer). Does nothing when git does not pause.
human_resume() {
  git -C "$1" pull -q --ff-only origin main
  sed -i '/name: TRADING_ENABLED/{n;s/value: "false"/value: "true"/}' "$1/$MANIFEST"
  git -C "$1" diff --quiet && return 0
  git -C "$1" -c user.name=human -c user.email=human@example.invalid commit -qam "$2"
  git -C "$1" push -q origin HEAD:main
}

# as_user USER CMD...: as root, runs CMD as USER (the server's own account); otherwise as the caller.
as_user() { local u=$1; shift; if [ "$(id -u)" -eq 0 ]; then setpriv --reuid="$u" --regid="$u" --init-groups "$@"; else "$@"; fi; }
