"""Validators shared by the apps' models and forms: the bounds of `regles.bornes` as Django
ValidationErrors in French."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from regles.bornes import MESSAGE_DATE, date_dans_les_bornes


def valider_date_bornee(valeur: date | None) -> None:
    """Refuse a date outside 1900–2100 (an end date of 9999-12-31, a birth in year 1)."""
    if valeur is not None and not date_dans_les_bornes(valeur):
        raise ValidationError(MESSAGE_DATE, code="date_hors_bornes")
