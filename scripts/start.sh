#!/usr/bin/env bash
# Start ptce-assist on its embedded default (an SQLite file under data/, or PTCE_DATABASE_URL),
# port 8501 or $PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The database at this version's schema (created on the first start; upgraded after a pull).
.venv/bin/python -m ptce_assist migrate
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" --server.headless true "$@"
