"""Dates: absolute dates written in text, and (later) relative ones resolved."""

from dragoman.dates.absolute import DateHit, find_dates, is_date_line, parse_date

__all__ = ["DateHit", "find_dates", "is_date_line", "parse_date"]
