#!/bin/sh
# Rebuilds the bundled sample incident (resources/sample-incident/AWSLogs) with the evidence
# generator in tests/bench/gen. The output is byte-identical on every run.
#
# Usage: resources/sample-incident/regenerate.sh [path/to/sightline-gen-cloudtrail]
# Without an argument the generator is compiled into a temporary directory with $CXX (g++).
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gen=${1:-}
tmp=
if [ -z "$gen" ]; then
    tmp=$(mktemp -d)
    gen="$tmp/sightline-gen-cloudtrail"
    ${CXX:-g++} -std=c++20 -O2 "$root"/tests/bench/gen/*.cpp -lz -pthread -o "$gen"
fi

rm -rf "$here/AWSLogs"
# One account (111122223333), us-east-1 + us-west-2, 2026-10-14, 4,500 events, files of at
# most 15 minutes, 120 exfiltrated objects, seed 42, gzip level 9.
"$gen" --small-incident --seed 42 --level 9 --out "$here"

if [ -n "$tmp" ]; then
    rm -rf "$tmp"
fi
