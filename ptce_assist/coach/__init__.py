"""The writing coach: plain-French advice and the call's checklist for each rubric."""

from ptce_assist.coach.report import coach_report, coach_text

__all__ = ["coach_report", "coach_text"]
