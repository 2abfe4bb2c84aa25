#!/usr/bin/env bash
# Install everything the tests need, then run lint, types and the tests in two tiers:
#   1. fast: no browser, no LibreOffice, no database server (pages under AppTest, the layout
#      engine and its agreement with layout.js under Node, exports, imports, the diagnostic…);
#   2. oracles: the tests marked browser (Chromium, nginx), oracle (LibreOffice) or postgres.
# Oracle tools are mandatory here: a missing one fails its test instead of skipping it.
# `scripts/test.sh --fast` stops after the first tier; other arguments go to pytest (both tiers).
set -euo pipefail
cd "$(dirname "$0")/.."

fast_only=0
if [ "${1:-}" = "--fast" ]; then
  fast_only=1
  shift
fi

bash scripts/setup.sh --test

export PTCE_REQUIRE_ORACLES=1 PTCE_REQUIRE_BROWSER=1 PTCE_REQUIRE_POSTGRES=1 PTCE_REQUIRE_MOUNT=1
export PTCE_REQUIRE_NGINX=1

# pytest exits with 5 when a tier has no test matching the arguments (`-k storage`): not a failure.
run_tier() {
  local status=0
  .venv/bin/python -m pytest -n 2 --dist loadgroup -m "$@" || status=$?
  [ "$status" = 0 ] || [ "$status" = 5 ]
}

.venv/bin/ruff check .
.venv/bin/ruff format --check .  # the formatter is the repository's style: `ruff format .`
.venv/bin/mypy

echo "== Tests rapides (sans navigateur, sans LibreOffice, sans serveur de base de données)"
run_tier "not browser and not oracle and not postgres" "$@"
if [ "$fast_only" = 1 ]; then
  exit 0
fi

source scripts/postgres.sh
start_test_postgres
trap stop_test_postgres EXIT
echo "== Tests oracles (Chromium, LibreOffice, PostgreSQL, nginx)"
run_tier "browser or oracle or postgres" "$@"
