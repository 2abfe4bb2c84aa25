"""Admissibility, eligibility and self-assessment of a dossier."""
