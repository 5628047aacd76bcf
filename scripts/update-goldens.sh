#!/usr/bin/env bash
# Refreshes the stored golden images in tests/golden/ from the current build. Look at every changed
# PNG (git diff --stat tests/golden; open them) before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev
EXHIBIT_UPDATE_GOLDENS=1 ctest --preset dev -L golden
git status --short tests/golden
