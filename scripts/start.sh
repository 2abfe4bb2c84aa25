#!/usr/bin/env bash
# Start ptce-assist on its embedded default (an SQLite file under data/), port 8501 or $PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run app.py --server.port "${PORT:-8501}" --server.headless true "$@"
