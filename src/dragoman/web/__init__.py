"""The web app and JSON API over a Dragoman store (``dragoman serve``)."""
