"""A filter over hundreds of rows (cohorts, teachers) as a text field with suggestions: an
`<input list>` whose `<datalist>` an htmx endpoint fills with a few matches as one types.

A `<select>` of every row was rendered on each request (at an académie's scale, 800
options were three quarters of a narrow search). The URL keeps the row's id
(`?promotion=42`, the bookmarks of before); a person may also type the row's label, matched
exactly whatever the case. Either way the filter holds the same row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.utils.functional import Promise

from core.listes import identifiant

LONGUEUR_MAX = 100  # what a person types to find a cohort or a teacher
NB_SUGGESTIONS = 20


class ChampSuggere(forms.TextInput):
    """The text field and its (empty) datalist; a row's id is shown as its label."""

    template_name = "core/suggestions/champ.html"

    def __init__(self, url: str | Promise, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs={"autocomplete": "off", "maxlength": LONGUEUR_MAX, **(attrs or {})})
        self.url = url
        self.queryset: QuerySet[Any] | None = None

    def format_value(self, value: Any) -> str | None:
        texte = "" if value is None else str(value)
        pk = identifiant(texte)
        if pk is not None and self.queryset is not None:
            ligne = self.queryset.filter(pk=pk).first()  # one query, only when filtered
            return str(ligne) if ligne is not None else texte
        return texte or None

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        contexte = super().get_context(name, value, attrs)
        contexte["widget"]["url"] = self.url
        return contexte


class ChoixSuggere(forms.ModelChoiceField):  # type: ignore[type-arg]
    """A row chosen by its id (the URL) or by its label as typed (`par_libelle`); the
    cleaned value is the row, or one of the `speciales` words."""

    def __init__(
        self,
        queryset: QuerySet[Any],
        *,
        url: str | Promise,
        par_libelle: Callable[[QuerySet[Any], str], list[Any]],
        speciales: tuple[str, ...] = (),
        **kwargs: Any,
    ) -> None:
        self.par_libelle = par_libelle
        self.speciales = speciales  # words kept as they are ("aucun": without a teacher)
        kwargs.setdefault("help_text", "Commencez à taper puis choisissez dans la liste.")
        super().__init__(queryset, widget=ChampSuggere(url), **kwargs)

    def _set_queryset(self, queryset: QuerySet[Any] | None) -> None:
        super()._set_queryset(queryset)  # type: ignore[misc]  # private in the stubs
        if isinstance(self.widget, ChampSuggere):
            self.widget.queryset = self._queryset  # type: ignore[attr-defined]

    queryset = property(forms.ModelChoiceField._get_queryset, _set_queryset)  # type: ignore[attr-defined]

    def to_python(self, value: Any) -> Model | str | None:
        texte = str(value or "").strip()
        if not texte:
            return None
        if texte.lower() in self.speciales:
            return texte.lower()
        if len(texte) > LONGUEUR_MAX:
            raise ValidationError("Ce texte est trop long.", code="invalid_choice")
        if identifiant(texte) is not None:
            return super().to_python(texte)
        lignes = self.par_libelle(self.queryset, texte)
        if len(lignes) != 1:
            raise ValidationError(
                "Aucun choix ne porte ce nom : choisissez dans la liste."
                if not lignes
                else "Plusieurs choix portent ce nom : choisissez dans la liste.",
                code="invalid_choice",
            )
        return lignes[0]  # type: ignore[no-any-return]
