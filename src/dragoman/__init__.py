"""Dragoman: news pages in, a sourced record of who did and said what out."""

__version__ = "0.1.0"
