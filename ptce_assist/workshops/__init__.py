"""CRESS workshops: join codes, adviser links, roles, comments, history, dashboard (no UI)."""
