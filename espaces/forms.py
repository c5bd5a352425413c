"""The forms of a space: a host's answer about a convention's data, and « Je signe ces
documents » over several signatures."""

from __future__ import annotations

from typing import Any

from django import forms

from core.forms import DsfrForm
from core.listes import identifiant
from espaces.services import CORRECTION_MAX

CONFIRMER = "confirmer"
CORRIGER = "corriger"


class ReponseForm(DsfrForm, forms.Form):
    reponse = forms.ChoiceField(
        label="Votre réponse",
        choices=[
            (CONFIRMER, "Je confirme ces informations"),
            (CORRIGER, "Je signale une correction"),
        ],
        widget=forms.RadioSelect,
    )
    correction = forms.CharField(
        label="La correction à apporter, si vous en signalez une",
        required=False,
        max_length=CORRECTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Par exemple : le stage se termine le 27 mars, le tuteur est Mme Durand.",
    )

    def clean(self) -> dict[str, Any]:
        donnees = super().clean() or {}
        texte = (donnees.get("correction") or "").replace("\x00", "").strip()
        donnees["correction"] = texte
        if donnees.get("reponse") == CORRIGER and not texte:
            self.add_error("correction", "Dites ce qui est à corriger.")
        if donnees.get("reponse") == CONFIRMER:
            donnees["correction"] = ""
        return donnees


def signatures_cochees(valeurs: list[str]) -> list[int]:
    """The ids ticked on the page; anything else (edited by hand) is dropped, and the view
    signs only what its own list holds."""
    return [n for v in valeurs if (n := identifiant(v)) is not None]
