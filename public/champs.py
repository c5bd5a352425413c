"""Form fields that read what a French user types: 05/03/2026, "7" or "7:30", "4,50"."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from regles.entree import EntreeInvalide, minutes


class DateFrField(forms.DateField):
    """A date typed JJ/MM/AAAA (the ISO form is accepted too: it is what links carry)."""

    input_formats = ["%d/%m/%Y", "%Y-%m-%d"]
    default_error_messages = {
        "invalid": "Saisissez une date au format JJ/MM/AAAA, par exemple 02/03/2026."
    }

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, date | datetime):
            return value.strftime("%d/%m/%Y")
        return value


class DureeField(forms.CharField):
    """Hours of a day: "7", "7,5" or "7:30", cleaned to minutes."""

    default_error_messages = {
        "invalid": "Saisissez une durée en heures, par exemple 7 ou 7:30.",
    }

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        texte = (super().to_python(value) or "").strip()
        if not texte:
            return None
        try:
            return minutes(texte, "durée")
        except EntreeInvalide:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class MontantField(forms.CharField):
    """An amount in euros typed the French way ("4,50", "1 200"), cleaned to a Decimal."""

    default_error_messages = {
        "invalid": "Saisissez un montant en euros, par exemple 4,50.",
    }

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        texte = (super().to_python(value) or "").strip()
        if not texte:
            return None
        texte = texte.replace("€", "").replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        try:
            montant = Decimal(texte.replace(",", "."))
        except InvalidOperation:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if not montant.is_finite() or montant < 0:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return montant.quantize(Decimal("0.01"))
