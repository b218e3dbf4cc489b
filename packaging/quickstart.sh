#!/usr/bin/env bash
# Quick start: installs what is missing, builds Sightline, and opens the bundled sample
# incident in the window. Run from anywhere, as root on a fresh Debian 12 machine.
# Without a display (an SSH session, a container) it prints the case's summary instead and
# saves a screenshot of the window taken on a virtual display (xvfb-run).
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

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
    echo "Opening $case_file (the story is in resources/README-sample.md) ..."
    exec build/dev/app/sightline "$case_file"
fi

summary=$(mktemp)
build/dev/app/sightline-cli info "$case_file" >"$summary"
head -n 24 "$summary"
rm -f "$summary"
shot=build/dev/sample-incident.png
if command -v xvfb-run >/dev/null && command -v import >/dev/null; then
    # Start the window on a virtual display, wait for it to load, grab the screen.
    xvfb-run -a -s "-screen 0 1400x900x24" bash -c "
        build/dev/app/sightline '$case_file' & pid=\$!
        sleep 6; import -window root '$shot'; kill \$pid" >/dev/null 2>&1 || true
fi
cat <<EOT
...
No display here, so the window was not opened. On a desktop, run:
      build/dev/app/sightline $case_file
$( [ -f "$shot" ] && echo "A screenshot of the window on this case: $shot" )
The story of the sample incident is in resources/README-sample.md. Or ask the CLI:
      build/dev/app/sightline-cli events $case_file --entity IpAddress:203.0.113.77
      build/dev/app/sightline-cli profile $case_file AccessKey AKIAZ7EXAMPLELEAK4QX
EOT
