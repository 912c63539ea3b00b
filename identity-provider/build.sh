#!/usr/bin/env bash
# Builds ("augments") an unpacked Keycloak distribution for the end-to-end tests, once per build, so that each test
# JVM starts it with `kc.sh start --optimized` in about 20 s instead of re-building it at every `start-dev`.
# Usage: identity-provider/build.sh <keycloak-dist-dir>
set -euo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
DIST="$1"
java_home=$(keycloak_java_home) || { echo "Keycloak needs Java 21+: set OC_KEYCLOAK_JAVA_HOME" >&2; exit 1; }
# The tests' Keycloak keeps its realm in an embedded file database, reset for every test JVM.
JAVA_HOME="$java_home" "$DIST/bin/kc.sh" build --db=dev-file
