#!/usr/bin/env bash
# Install headless Chromium and its WebDriver from Debian, for the browser test of `pskg serve`.
# Idempotent: does nothing when /usr/bin/chromium and /usr/bin/chromedriver are already there.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "chromium: already installed ($(/usr/bin/chromium --version 2>/dev/null || echo '?'))"
    exit 0
fi
"$(dirname "$0")/apt-install.sh" install-browser chromium chromium-driver fonts-dejavu-core
/usr/bin/chromium --version
