"""The forms of the student screens: the record (created and changed through the services)
and the filters of the list. Plain forms, not ModelForms: the services tidy what people type
(an INE typed "123 456 789 ab") before the model checks it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.urls import reverse_lazy

from core.forms import DsfrForm
from core.suggestions import ChoixSuggere
from core.validateurs import valider_date_bornee
from etablissement.models import Enseignant, Etudiant, Promotion
from etablissement.selectors import enseignants_par_libelle, promotions_par_libelle
from etablissement.validators import normaliser_code, valider_ine

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# type="date" sends AAAA-MM-JJ; a browser without it lets people type JJ/MM/AAAA.
_FORMATS_DATE = ["%Y-%m-%d", "%d/%m/%Y"]


class EtudiantForm(DsfrForm, forms.Form):
    promotion = forms.ModelChoiceField(
        label="Promotion",
        queryset=Promotion.objects.order_by("-annee_debut", "libelle"),
        empty_label="Choisir une promotion",
    )
    nom = forms.CharField(label="Nom", max_length=100)
    prenom = forms.CharField(label="Prénom", max_length=100)
    date_naissance = forms.DateField(
        label="Date de naissance",
        help_text="Format attendu : JJ/MM/AAAA",
        widget=_DATE,
        input_formats=_FORMATS_DATE,
        validators=[valider_date_bornee],
        error_messages={"invalid": "Saisissez une date valide, au format JJ/MM/AAAA."},
    )
    ine = forms.CharField(
        label="INE",
        max_length=20,
        required=False,
        help_text="11 caractères, par exemple 123456789AB. Les espaces sont ignorés.",
    )
    email = forms.EmailField(
        label="Adresse e-mail",
        required=False,
        help_text="Format attendu : nom@domaine.fr",
        error_messages={
            "invalid": "Saisissez une adresse e-mail valide, au format nom@domaine.fr."
        },
    )
    telephone = forms.CharField(label="Téléphone", max_length=20, required=False)
    classe = forms.CharField(
        label="Classe", max_length=50, required=False, help_text="Par exemple NDRC1 A."
    )
    referent = forms.ModelChoiceField(
        label="Enseignant référent",
        queryset=Enseignant.objects.filter(actif=True).order_by("nom", "prenom"),
        required=False,
        empty_label="Aucun pour l'instant",
    )
    representant_legal_nom = forms.CharField(
        label="Représentant légal",
        max_length=200,
        required=False,
        help_text="Pour un étudiant mineur : il signe aussi la convention.",
    )
    representant_legal_email = forms.EmailField(
        label="E-mail du représentant légal",
        required=False,
        error_messages={
            "invalid": "Saisissez une adresse e-mail valide, au format nom@domaine.fr."
        },
    )
    representant_legal_telephone = forms.CharField(
        label="Téléphone du représentant légal", max_length=20, required=False
    )

    def __init__(
        self,
        *args: Any,
        peut_changer_referent: bool = True,
        referent_actuel: Enseignant | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        if referent_actuel is not None:
            # A référent who left stays a valid choice for the students they still follow.
            champ = self.fields["referent"]
            assert isinstance(champ, forms.ModelChoiceField)
            champ.queryset = Enseignant.objects.filter(
                Q(actif=True) | Q(pk=referent_actuel.pk)
            ).order_by("nom", "prenom")
        if not peut_changer_referent:
            # A teacher edits the students they follow; handing one over is the section's call.
            self.fields["referent"].disabled = True
            # In the label: the DSFR's select shows no help text. DsfrBaseForm has built the
            # bound fields already, which copy their label: rebuild this one.
            self.fields[
                "referent"
            ].label = "Enseignant référent (seul un administrateur change le référent)"
            self._bound_fields_cache.pop("referent", None)

    @staticmethod
    def initial_de(etudiant: Etudiant) -> dict[str, Any]:
        return {nom: getattr(etudiant, nom) for nom in EtudiantForm.base_fields}

    def clean_ine(self) -> str:
        # Checked here too, so that a wrong INE shows with the other errors at once (the
        # service checks it again, for every other caller).
        ine = normaliser_code(self.cleaned_data["ine"])
        if ine:
            valider_ine(ine)
        return ine


def filtre_promotion() -> ChoixSuggere:
    """A list's Promotion filter: typed with suggestions, or a cohort's id from an old URL."""
    return ChoixSuggere(
        label="Promotion",
        queryset=Promotion.objects.all(),
        required=False,
        url=reverse_lazy("etablissement:suggestions", args=["promotions"]),
        par_libelle=promotions_par_libelle,
    )


def filtre_referent(**options: Any) -> ChoixSuggere:
    """A list's Référent filter, typed with suggestions (`options`: help text, special values)."""
    return ChoixSuggere(
        label="Référent",
        queryset=Enseignant.objects.all(),
        required=False,
        url=reverse_lazy("etablissement:suggestions", args=["enseignants"]),
        par_libelle=enseignants_par_libelle,
        **options,
    )


class FiltresEtudiantsForm(DsfrForm, forms.Form):
    """The list's search and filters, read from the query string (never bound to errors:
    an unknown value is simply ignored)."""

    q = forms.CharField(
        label="Rechercher",
        required=False,
        help_text="Nom, prénom, INE ou adresse e-mail",
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    # Text fields with suggestions, not selects of hundreds of rows (core/suggestions.py).
    promotion = filtre_promotion()
    classe = forms.ChoiceField(label="Classe", required=False)
    referent = filtre_referent(
        help_text="Commencez à taper puis choisissez dans la liste ; « aucun » : sans référent.",
        speciales=("aucun",),  # the students without one, as in the URLs of before
    )
    mineur = forms.ChoiceField(
        label="Âge",
        required=False,
        choices=[("", "Tous"), ("oui", "Mineurs aujourd'hui"), ("non", "Majeurs aujourd'hui")],
    )
    archive = forms.ChoiceField(
        label="Archivés",
        required=False,
        choices=[("", "Sans les archivés"), ("oui", "Archivés seulement"), ("tous", "Tous")],
    )

    def __init__(self, *args: Any, classes: list[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        classe = self.fields["classe"]
        assert isinstance(classe, forms.ChoiceField)
        classe.choices = [("", "Toutes")] + [(c, c) for c in classes]
