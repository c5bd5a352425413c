"""Form fields of the convention screens: hours typed as people say them ("7", "7,5",
"7:30"), and model choices shown in groups (tutors by host, missions by family)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from itertools import groupby
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import ModelChoiceIterator

from core.forms import ChoixMultiplesModeles
from regles.entree import EntreeInvalide, minutes


def heures_saisie(valeur: int | None) -> str:
    """Minutes as a person types them back: 420 → "7", 450 → "7:30"."""
    if not valeur:
        return "0"
    h, m = divmod(valeur, 60)
    return f"{h}:{m:02d}" if m else str(h)


class DureeField(forms.Field):
    """Hours in a day, returned in minutes. The parsing is the engine's JSON interface's, so
    the screens and the scripts accept the same writings."""

    default_error_messages = {
        "invalid": "Indiquez une durée en heures, comme 7, 7,5 ou 7:30 (24 heures au plus).",
    }

    widget = forms.TextInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "autocomplete": "off", "maxlength": 5})

    def prepare_value(self, value: Any) -> Any:
        return heures_saisie(value) if isinstance(value, int) else value

    def has_changed(self, initial: Any, data: Any) -> bool:
        # A blank field and "0" say the same: no time that day.
        try:
            return (self.to_python(data) or 0) != (initial or 0)
        except ValidationError:
            return True

    def to_python(self, value: Any) -> int | None:
        texte = str(value or "").strip()
        if not texte:
            return None
        try:
            resultat = minutes(texte, "")
        except EntreeInvalide:
            raise ValidationError(self.error_messages["invalid"], code="invalid") from None
        if resultat < 0:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return resultat


class _ParGroupes(ModelChoiceIterator):
    """Choices as <optgroup>s: the field's queryset must be ordered by the group key."""

    def __iter__(self) -> Iterator[Any]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        cle: Callable[[Any], str] = self.field.groupe  # type: ignore[attr-defined]
        for groupe, objets in groupby(self.queryset, key=cle):
            yield (groupe, [self.choice(objet) for objet in objets])


class ChoixGroupe(forms.ModelChoiceField):  # type: ignore[type-arg]
    iterator = _ParGroupes

    def __init__(self, *args: Any, groupe: Callable[[Any], str], **kwargs: Any) -> None:
        self.groupe = groupe
        super().__init__(*args, **kwargs)


class CasesGroupees(forms.CheckboxSelectMultiple):
    """Checkboxes in one DSFR fieldset per group (a mission family, a bloc)."""

    template_name = "conventions/widgets/cases_groupees.html"


class ChoixMultipleGroupe(ChoixMultiplesModeles):
    iterator = _ParGroupes
    widget = CasesGroupees
    # The whole field is a fieldset of fieldsets: django-dsfr's snippet would flatten it.
    template_name = "conventions/widgets/champ_groupe.html"

    def __init__(self, *args: Any, groupe: Callable[[Any], str], **kwargs: Any) -> None:
        self.groupe = groupe
        super().__init__(*args, **kwargs)
