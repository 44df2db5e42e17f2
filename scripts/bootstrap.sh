#!/usr/bin/env bash
# Installs every dependency Faxian needs to build, test and run, idempotently: Debian packages
# (with sudo when not root), the pinned npm packages of the test oracles and of the web app.
# Usage: scripts/bootstrap.sh            # everything
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
  g++ cmake ninja-build pkg-config ccache make git clang-format
  libcpp-httplib-dev libssl-dev zlib1g-dev nlohmann-json3-dev libsimdjson-dev
  libsqlite3-dev sqlite3 postgresql libpq-dev libpqxx-dev
  libspdlog-dev libfmt-dev libtomlplusplus-dev libcli11-dev libsodium-dev
  libxlsxwriter-dev libicu-dev libuchardet-dev
  libzip-dev zipcmp zipmerge ziptool libexpat1-dev libexpected-dev
  libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev
  nodejs npm fonts-noto-cjk chromium python3 curl wrk
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages() {
  local pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}

install_debian_packages() {
  local missing
  missing=$(missing_packages)
  # node/npm may come from elsewhere on the machine (node 20 with npm 11 here): keep it.
  if command -v node >/dev/null && command -v npm >/dev/null; then
    missing=$(echo "$missing" | grep -vx -e nodejs -e npm || true)
  fi
  if [ -z "$missing" ]; then
    echo "bootstrap: Debian packages present"
    return
  fi
  echo "bootstrap: installing" $missing
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
}

install_npm_folder() {
  local folder=$1
  local stamp="$folder/node_modules/.faxian-lock-sha"
  local want
  want=$(sha256sum "$folder/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "bootstrap: $folder npm packages present"
    return
  fi
  echo "bootstrap: npm ci in $folder"
  npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
}

install_debian_packages
install_npm_folder tests/oracles
install_npm_folder web
echo "bootstrap: done"
