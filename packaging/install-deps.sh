#!/usr/bin/env bash
# Installs every Debian 12 package that building, testing and taking screenshots of
# Sightline need. Only what is missing is installed; nothing is installed by hand.
# Usage (as root): packaging/install-deps.sh
set -euo pipefail

packages=(
  # toolchain
  g++ cmake ninja-build pkgconf file ccache git clang-format dpkg-dev
  # libraries
  qt6-base-dev qt6-base-dev-tools libqt6opengl6-dev libgl-dev libvulkan-dev
  qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  libqt6sql6-sqlite
  libsqlite3-dev libsimdjson-dev nlohmann-json3-dev zlib1g-dev libarchive-dev
  libzstd-dev libssl-dev libgraphviz-dev
  # running the GUI headless, screenshots and Japanese text
  qt6-qpa-plugins xvfb xauth x11-apps imagemagick fonts-noto-cjk fonts-dejavu-core
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: everything is installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-deps: missing packages: ${missing[*]}" >&2
  echo "install-deps: run this script as root to install them" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
