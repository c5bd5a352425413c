"""Links from the steering screens to pages other apps own, which may not exist yet."""

from __future__ import annotations

from django.urls import NoReverseMatch, reverse


def url_convention(pk: int) -> str | None:
    """The convention's own page, once the conventions screens provide `conventions:detail`."""
    try:
        return reverse("conventions:detail", kwargs={"pk": pk})
    except NoReverseMatch:
        return None
