#!/usr/bin/env bash
# Installs what is missing, builds Sightline and runs every test: first the normal build,
# then the same suites under AddressSanitizer and UndefinedBehaviorSanitizer.
# This is what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

packaging/install-deps.sh
export QT_QPA_PLATFORM=offscreen TZ=UTC
jobs=$(nproc)

cmake --preset dev
cmake --build --preset dev -j"$jobs"
ctest --preset dev -j"$jobs"

cmake --preset asan
cmake --build --preset asan -j"$jobs"
ctest --preset asan -j"$jobs"
