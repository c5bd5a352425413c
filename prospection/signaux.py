"""A proposal that lands after its company opened a campaign's personal link is recorded on
the recipient (no field nor code in public/): the proposal form is pre-filled with the
recipient's address, so the same address names the campaign."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save
from django.dispatch import receiver

from prospection.services import proposition_rattacher
from public.models import PropositionStage


@receiver(post_save, sender=PropositionStage, dispatch_uid="prospection_rattacher")
def rattacher(sender: type, instance: PropositionStage, created: bool, **kwargs: Any) -> None:
    if created and not kwargs.get("raw"):
        proposition_rattacher(proposition=instance)
