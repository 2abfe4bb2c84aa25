"""Deployment as docs/deploiement.md describes it: nginx, several processes, PostgreSQL."""
