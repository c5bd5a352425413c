"""Form fields that read what a French user types: 05/03/2026, "7" or "7:30", "5,20".

Each field also keeps its value within the bounds of regles.bornes (a date in 1900–2100, a day
of 24 hours at most, an amount of a million euros at most), so that no typing error reaches
the engine. Only ASCII digits are read: Python's str.isdigit() and Decimal() also accept "²"
or "٣", which the engine must never see."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from core.validateurs import valider_date_bornee
from regles import format as fmt
from regles.bornes import MINUTES_JOUR_MAX, MONTANT_MAX
from regles.entree import EntreeInvalide, minutes

# "7", "7,5", "7.25" or "7:30"; digits 0-9 only (re.ASCII: \d would accept "²" otherwise).
DUREE = re.compile(r"[0-9]{1,2}(?:[.,][0-9]{1,4})?|[0-9]{1,2}:[0-9]{2}", re.ASCII)
# "5,20", "1200", "1 200" once the spaces are gone: digits 0-9, one decimal separator.
MONTANT = re.compile(r"[0-9]{1,12}(?:[.,][0-9]{1,6})?", re.ASCII)


class DateFrField(forms.DateField):
    """A date typed JJ/MM/AAAA (the ISO form is accepted too: it is what links carry),
    between 01/01/1900 and 31/12/2100."""

    input_formats = ["%d/%m/%Y", "%Y-%m-%d"]
    default_validators = [valider_date_bornee]
    default_error_messages = {
        "invalid": "Saisissez une date au format JJ/MM/AAAA, par exemple 02/03/2026."
    }

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, date | datetime):
            return value.strftime("%d/%m/%Y")
        return value


class DureeField(forms.CharField):
    """Hours of a day: "7", "7,5" or "7:30", cleaned to minutes (24 hours at most)."""

    default_error_messages = {
        "invalid": "Saisissez une durée en heures, par exemple 7 ou 7:30.",
        "max_value": "Une journée compte 24 heures au plus.",
    }

    def to_python(self, value: Any) -> int | None:  # type: ignore[override]
        texte = (super().to_python(value) or "").strip()
        if not texte:
            return None
        if not DUREE.fullmatch(texte):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        heures, _, reste = texte.partition(":")
        if reste and int(reste) >= 60:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        if Decimal(heures.replace(",", ".")) * 60 + int(reste or 0) > MINUTES_JOUR_MAX:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")
        try:
            return minutes(texte, "durée")
        except EntreeInvalide:
            # A fraction of an hour that is not a whole number of minutes.
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class MontantField(forms.CharField):
    """An amount in euros typed the French way ("5,20", "1 200"), cleaned to a Decimal of
    a million euros at most."""

    default_error_messages = {
        "invalid": "Saisissez un montant en euros, par exemple 5,20.",
        "max_value": f"Le montant ne peut pas dépasser {fmt.euros(MONTANT_MAX)}.",
    }

    def to_python(self, value: Any) -> Decimal | None:  # type: ignore[override]
        texte = (super().to_python(value) or "").strip()
        if not texte:
            return None
        texte = texte.replace("€", "").replace("\u202f", "").replace("\xa0", "").replace(" ", "")
        if not MONTANT.fullmatch(texte):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        try:
            montant = Decimal(texte.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern admits decimals only
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
        if montant > MONTANT_MAX:
            raise forms.ValidationError(self.error_messages["max_value"], code="max_value")
        return montant.quantize(Decimal("0.01"))
