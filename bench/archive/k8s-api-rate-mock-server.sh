#!/usr/bin/env bash
# ARCHIVED (bench/archive/README.md): the form of bench/k8s-api-rate.sh that took the figures of 2026-11-29.
# Kubernetes API requests per minute, before and after the pause stopped reading Knative itself (issue 9: the pause's
# Fabric8RolloutReader deleted; it reads the knative signal's stored observation instead and, while a pause is being
# confirmed, asks the knative probe for the faster cadence prober.pause.effective-check-every). Each version is
# exported with git archive, bench/archive/ApiRequestRateBench.java is copied into it and run once against the fabric8 mock
# server (healthy scenario, default cadences, Kubernetes reads on, trigger mode on a local bare git repository, Lease
# off). Two phases of BENCH_SECONDS (default 60) each: steady (after a 5 s warm-up, no pause) and confirming (right
# after a manual POST /pause, while the pause is not in force yet: the live revision keeps TRADING_ENABLED=true); the
# requests the pause makes itself (Argo CD patch, Event) in the second after the POST are counted apart.
# Usage: bench/archive/k8s-api-rate-mock-server.sh   BEFORE/AFTER override the commits (default: the deletion's parent,
# HEAD). It needs checkouts whose test tree has io.torghut.prober.k8s and io.torghut.prober.gitops.BareRepo.
# Needs the test services only for nothing: Torghut and ClickHouse are pointed at a closed port.
set -euo pipefail
cd "$(dirname "$0")/../.."
deleted=$(git log --format=%H -1 -S Fabric8RolloutReader -- src/main/java/io/torghut/prober/pause/Fabric8RolloutReader.java)
BEFORE=${BEFORE:-$(git rev-parse "${deleted}^")}
AFTER=${AFTER:-$(git rev-parse HEAD)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
summary=()
for label in before after; do
  if [ "$label" = before ]; then commit=$BEFORE; else commit=$AFTER; fi
  dir="$work/$label"
  mkdir -p "$dir"
  git archive "$commit" | tar -x -C "$dir"
  cp bench/archive/ApiRequestRateBench.java "$dir/src/test/java/io/torghut/prober/k8s/"
  if ! (cd "$dir" && BENCH_SECONDS="${BENCH_SECONDS:-60}" ./mvnw -B -q test -Dtest=ApiRequestRateBench \
      -Dsurefire.failIfNoSpecifiedTests=false) > "$dir/bench.log" 2>&1; then
    echo "$label ($commit): the bench failed" >&2
    tail -40 "$dir/bench.log" >&2
    exit 1
  fi
  echo "== $label: $(git log --format='%h %s' -1 "$commit" | cut -c1-100)"
  grep '^API_RATE' "$dir/bench.log" | sed 's/^API_RATE //'
  steady=$(sed -n 's/^API_RATE steady total .* = \([0-9.]*\) per minute$/\1/p' "$dir/bench.log")
  confirming=$(sed -n 's/^API_RATE confirming total .* = \([0-9.]*\) per minute$/\1/p' "$dir/bench.log")
  at_pause=$(sed -n 's/^API_RATE at-pause \([0-9]*\) requests .*/\1/p' "$dir/bench.log")
  summary+=("$(printf '%-7s %-12s steady %6s/min   confirming a pause %6s/min   (+%s in the second of the POST /pause: Argo CD, Event, the knative round it brings forward)' \
    "$label" "${commit:0:12}" "$steady" "$confirming" "$at_pause")")
done
echo "== requests per minute"
printf '%s\n' "${summary[@]}"
