#!/usr/bin/env bash
# Install Debian packages with apt-get, as root or through sudo: the one way the project's set-up
# scripts (install-browser.sh, install-poppler.sh) install what its tests need.
#   scripts/apt-install.sh WHO PACKAGE…     (WHO names the caller in the error line)
set -euo pipefail
who=$1; shift
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
    command -v sudo >/dev/null || { echo "$who: need root (or sudo) to apt-get install $*" >&2; exit 1; }
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "$@"
