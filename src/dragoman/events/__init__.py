"""Events: who did what to whom, coded in CAMEO and PLOVER."""

from dragoman.events.extract import extract_events

__all__ = ["extract_events"]
