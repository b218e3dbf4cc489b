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
summary=$(mktemp)
build/dev/app/sightline-cli info "$case_file" >"$summary"
head -n 24 "$summary"
rm -f "$summary"
cat <<EOT
...
The sample incident is in $case_file; its story is in resources/README-sample.md.
Try:  build/dev/app/sightline-cli events $case_file --entity IpAddress:203.0.113.77
      build/dev/app/sightline-cli profile $case_file AccessKey AKIAZ7EXAMPLELEAK4QX
EOT
