#!/usr/bin/env bash
# Install everything the tests need, then run lint, types and the whole test suite.
# Oracle tests (LibreOffice, Chromium, PostgreSQL, nginx) are mandatory here: they fail, not skip.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

export PTCE_REQUIRE_ORACLES=1 PTCE_REQUIRE_BROWSER=1 PTCE_REQUIRE_POSTGRES=1 PTCE_REQUIRE_MOUNT=1
export PTCE_REQUIRE_NGINX=1
source scripts/postgres.sh
start_test_postgres
trap stop_test_postgres EXIT

.venv/bin/ruff check .
.venv/bin/mypy
.venv/bin/python -m pytest -n 2 --dist loadgroup "$@"
