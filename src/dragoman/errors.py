"""Errors that carry a message fit to show a user."""


class InputError(Exception):
    """A source could not be turned into an article; the message says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason
