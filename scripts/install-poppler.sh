#!/usr/bin/env bash
# Install poppler's pdftotext from Debian (poppler-utils): the read stage's PDF text extractor
# (`pdftotext -layout`; pdfminer.six is used where it is missing). Idempotent.
set -euo pipefail
if command -v pdftotext >/dev/null; then
    echo "pdftotext: already installed ($(pdftotext -v 2>&1 | head -1))"
    exit 0
fi
"$(dirname "$0")/apt-install.sh" install-poppler poppler-utils
pdftotext -v 2>&1 | head -1
