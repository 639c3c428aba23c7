#!/usr/bin/env bash
# Install poppler's pdftotext from Debian (poppler-utils): the read stage's PDF text extractor
# (`pdftotext -layout`; pdfminer.six is used where it is missing). Idempotent.
set -euo pipefail
if command -v pdftotext >/dev/null; then
    echo "pdftotext: already installed ($(pdftotext -v 2>&1 | head -1))"
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
    command -v sudo >/dev/null || { echo "install-poppler: need root (or sudo) to apt-get install poppler-utils" >&2; exit 1; }
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends poppler-utils
pdftotext -v 2>&1 | head -1
