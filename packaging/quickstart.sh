#!/usr/bin/env bash
# Quick start: installs what is missing, builds Sightline, and opens the bundled sample
# incident. Run from anywhere, as root on a fresh Debian 12 machine.
set -euo pipefail
cd "$(dirname "$0")/.."

packaging/install-deps.sh
cmake --preset dev >/dev/null
cmake --build --preset dev -j"$(nproc)"

case_file=build/dev/sample-incident.sightline
if [ ! -f "$case_file" ]; then
    echo "Importing the sample incident into $case_file ..."
    build/dev/app/sightline-cli import "$case_file" resources/sample-incident
fi
build/dev/app/sightline-cli info "$case_file"
