#!/usr/bin/env bash
# Installs every Debian 12 package Ruhu needs. Idempotent: when all are present it only runs dpkg-query.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config git clang-format
  qt6-base-dev qt6-declarative-dev qt6-multimedia-dev qt6-positioning-dev qt6-tools-dev qt6-l10n-tools
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-templates qml6-module-qtquick-layouts
  qml6-module-qtquick-window qml6-module-qtqml-workerscript qml6-module-qtqml-models qml6-module-qttest
  qml6-module-qtmultimedia qml6-module-qtpositioning qml6-module-qtcore qml6-module-qtquick-dialogs
  libqt6svg6 libgl-dev libxkbcommon-dev
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev libboost-system1.81-dev
  libsqlite3-dev sqlite3 libpq-dev postgresql-15 libssl-dev openssl libsodium-dev librapidcheck-dev libtomlplusplus-dev
  clang libclang-rt-14-dev
  libcairo2-dev libpango1.0-dev libxlsxwriter-dev libzip-dev libexpat1-dev poppler-utils
  fonts-noto-cjk curl procps prometheus systemd
  chromium chromium-driver python3 python3-openpyxl python3-selenium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
