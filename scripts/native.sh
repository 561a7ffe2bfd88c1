#!/usr/bin/env bash
# The native stage: builds the native executable (target/*-runner) and runs the packaged-app integration tests
# (PackagedAppIT, PackagedKubernetesIT, PackagedPauseIT, DnsAndTlsFaultsIT) against it with ./mvnw verify -Dnative.
#
# Which native-image:
#   1. a real GraalVM or Mandrel: $GRAALVM_HOME, else $JAVA_HOME, when it has bin/native-image;
#   2. else the shared test toolchain /opt/pseudo-graalvm (installed from ../shared/tools/pseudo-graalvm/install.sh
#      when that directory exists). Maven then runs on Temurin 25 (the builder needs a JVMCI JDK); the code still
#      compiles for release 17. That toolchain finds native-only bugs; release images come from the Mandrel builder.
# With neither, it says why and exits 3 (scripts/test.sh treats that as "skipped"); NATIVE_REQUIRED=1 (CI) makes
# that a failure instead. NATIVE_INSTALL=0 never installs the shared toolchain (scripts/test.sh without NATIVE=1).
#
# Needs the test services (scripts/test-services.sh start; TEST_PG_PORT etc. as for scripts/test.sh).
# About 7 GB of memory for the builder (PSEUDO_GRAALVM_XMX, default 7g) and 6+ minutes on 2 cores.
# Extra arguments go to Maven, e.g. scripts/native.sh -Dit.test=PackagedAppIT.
# NATIVE_REUSE=1 reuses an existing target/*-runner (quarkus.native.reuse-existing) to rerun only the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED_TOOL=../shared/tools/pseudo-graalvm/install.sh
PSEUDO=${PSEUDO_GRAALVM_HOME:-/opt/pseudo-graalvm}
TEMURIN25=${TEMURIN25:-/usr/lib/jvm/temurin-25-jdk-amd64}

skip() {
  echo "native stage SKIPPED: $1" >&2
  if [ "${NATIVE_REQUIRED:-0}" = 1 ]; then echo "native stage: NATIVE_REQUIRED=1, so this is a failure" >&2; exit 1; fi
  exit 3
}

graal_home=
maven_java=${JAVA_HOME:-}
for candidate in "${GRAALVM_HOME:-}" "${JAVA_HOME:-}"; do
  if [ -n "$candidate" ] && [ -x "$candidate/bin/native-image" ]; then graal_home=$candidate; break; fi
done
if [ -n "$graal_home" ]; then
  echo "native stage: GraalVM/Mandrel at $graal_home"
else
  if [ ! -x "$PSEUDO/bin/native-image" ]; then
    [ "${NATIVE_INSTALL:-1}" = 1 ] || skip "no native-image installed (GRAALVM_HOME/JAVA_HOME, $PSEUDO); NATIVE=1 scripts/test.sh installs the shared test toolchain"
    [ -f "$SHARED_TOOL" ] || skip "no native-image (GRAALVM_HOME/JAVA_HOME) and no shared test toolchain at $SHARED_TOOL"
    [ -x "$TEMURIN25/bin/java" ] || skip "the shared test toolchain needs Temurin 25 at $TEMURIN25"
    echo "native stage: installing the shared test toolchain into $PSEUDO (about 2 minutes)"
    SUDO=; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO env PREFIX="$PSEUDO" JDK="$TEMURIN25" SMOKE_TEST=0 bash "$SHARED_TOOL" || skip "installing the shared test toolchain failed"
  fi
  graal_home=$PSEUDO
  maven_java=$TEMURIN25
  export PSEUDO_GRAALVM_XMX=${PSEUDO_GRAALVM_XMX:-7g}
  echo "native stage: test-only toolchain $("$PSEUDO/bin/native-image" --version | head -1) (never ship its binaries)"
fi

args=(-B verify -Dnative "-Dquarkus.native.graalvm-home=$graal_home" -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false)
[ "${NATIVE_REUSE:-0}" = 1 ] && args+=(-Dquarkus.native.reuse-existing=true)
start=$SECONDS
if [ -n "$maven_java" ]; then
  JAVA_HOME=$maven_java ./mvnw "${args[@]}" "$@"
else
  ./mvnw "${args[@]}" "$@"
fi
runner=$(find target -maxdepth 1 -name '*-runner' -type f | head -1)
echo "native stage: ok in $((SECONDS - start))s; $runner is $(du -m "$runner" | cut -f1) MiB"
