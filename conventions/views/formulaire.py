"""Creating and editing a convention, with the law checked as the form is filled in.

The side panel shows the engine's findings and the gratification schedule computed on the
unsaved form: htmx posts the form to `apercu` as fields change, and without JavaScript the
"Vérifier" button posts it to the page itself, which shows the same panel."""

from __future__ import annotations

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from comptes.acces import personnel_requis
from comptes.models import Utilisateur
from conventions import presentation
from conventions.acces import etudiants_modifiables, exiger_modification
from conventions.forms import (
    BasePeriodes,
    ConventionForm,
    initial_periodes,
    periodes_formset,
)
from conventions.models import Convention
from conventions.moteur import Verdict, evaluer_brouillon, evaluer_convention
from conventions.services import (
    TransitionRefusee,
    clauses_par_defaut,
    convention_creer,
    convention_modifier,
)
from conventions.views.detail import convention_ou_404
from core.listes import identifiant
from regles import modele
from regles.cadre import cadre_ou_aucun


def _formulaire(
    request: HttpRequest, data: Any = None, *, nouvelle: bool = False, **kwargs: Any
) -> ConventionForm:
    etudiants = ConventionForm.base_fields["etudiant"].queryset  # type: ignore[attr-defined]
    return ConventionForm(
        data,
        etudiants=etudiants_modifiables(request.user, etudiants),
        le=timezone.localdate(),
        nouvelle=nouvelle,
        **kwargs,
    )


def _initial_nouvelle(request: HttpRequest, form: ConventionForm) -> dict[str, Any]:
    """A new convention's form starts with the default clause texts: the cohort's when the
    student is given (`?etudiant=<pk>`, from the student's page), else the section's."""
    etudiant = None
    if pk := identifiant(request.GET.get("etudiant", "")):
        etudiant = form.fields["etudiant"].queryset.filter(pk=pk).first()  # type: ignore[attr-defined]
    initial: dict[str, Any] = {
        f"clause_{code}": texte
        for code, texte in clauses_par_defaut(etudiant.promotion if etudiant else None).items()
    }
    if etudiant is not None:
        initial["etudiant"] = etudiant
    return initial


def verdict_du_formulaire(
    form: ConventionForm, periodes: BasePeriodes, convention: Convention | None
) -> Verdict | None:
    """The engine's verdict on the form as it stands, or None while it has errors."""
    if not (form.is_valid() and periodes.is_valid()):
        return None
    brouillon = copy.copy(convention) if convention is not None else Convention()
    for champ, valeur in form.champs().items():
        setattr(brouillon, champ, valeur)
    return evaluer_brouillon(
        brouillon,
        periodes=[modele.Periode(p.debut, p.fin, p.prolongation) for p in periodes.saisies()],
    )


def _erreurs(form: ConventionForm, periodes: BasePeriodes) -> list[str]:
    """The form's errors as sentences, for the side panel."""
    erreurs = [
        f"{form.fields[nom].label if nom in form.fields else 'Formulaire'} : {message}"
        for nom, messages_ in form.errors.items()
        for message in messages_
    ]
    for numero, ligne in enumerate(periodes.forms, start=1):
        for messages_ in ligne.errors.values():
            erreurs += [f"Période {numero} : {message}" for message in messages_]
    erreurs += [f"Périodes : {message}" for message in periodes.non_form_errors()]
    return erreurs


def _enregistrer(
    request: HttpRequest,
    form: ConventionForm,
    periodes: BasePeriodes,
    convention: Convention | None,
) -> Convention:
    assert isinstance(request.user, Utilisateur)  # personnel_requis let only accounts in
    exiger_modification(request.user, form.cleaned_data["etudiant"])
    champs = form.champs()
    if convention is None:
        return convention_creer(
            auteur=request.user,
            periodes=periodes.saisies(),
            missions=form.cleaned_data["missions"],
            competences=form.cleaned_data["competences"],
            **champs,
        )
    convention = convention_modifier(
        convention=convention, auteur=request.user, periodes=periodes.saisies(), **champs
    )
    convention.missions.set(form.cleaned_data["missions"])
    convention.competences.set(form.cleaned_data["competences"])
    return convention


def _page(request: HttpRequest, convention: Convention | None) -> HttpResponse:
    verdict: Verdict | None = None
    verifie = False
    if request.method == "POST":
        form = _formulaire(request, request.POST, nouvelle=convention is None)
        ajouter = "ajouter_periode" in request.POST
        periodes = periodes_formset(request.POST, ajouter=ajouter)
        if ajouter:
            # One more blank row; the fields keep what was typed, without error messages
            # on a form the person has not sent yet.
            form.errors.clear()
            return _rendu(request, convention, form, periodes, None, verifie=False)
        if "verifier" in request.POST:
            verdict, verifie = verdict_du_formulaire(form, periodes, convention), True
        elif form.is_valid() and periodes.is_valid():
            try:
                enregistree = _enregistrer(request, form, periodes, convention)
            except TransitionRefusee as refus:
                form.add_error(None, refus.message)
            except ValidationError as erreur:
                _rattacher(form, periodes, erreur)
            else:
                messages.success(request, f"Convention n° {enregistree.pk} enregistrée.")
                return redirect("conventions:detail", pk=enregistree.pk)
    else:
        if convention is not None:
            form = _formulaire(request, initial=ConventionForm.initial_de(convention))
            periodes = periodes_formset(initial=initial_periodes(convention))
            verdict = evaluer_convention(convention)
        else:
            form = _formulaire(request, nouvelle=True)
            form.initial = _initial_nouvelle(request, form)
            periodes = periodes_formset()
    return _rendu(request, convention, form, periodes, verdict, verifie=verifie)


def _rattacher(form: ConventionForm, periodes: BasePeriodes, erreur: ValidationError) -> None:
    """Show a service's refusal next to the field it names."""
    if hasattr(erreur, "error_dict"):
        for champ, liste in erreur.error_dict.items():
            if champ == "periodes":
                periodes.non_form_errors().extend(liste)
            else:
                form.add_error(champ if champ in form.fields else None, liste)
    else:
        form.add_error(None, erreur)


def _rendu(
    request: HttpRequest,
    convention: Convention | None,
    form: ConventionForm,
    periodes: BasePeriodes,
    verdict: Verdict | None,
    *,
    verifie: bool,
) -> HttpResponse:
    contexte: dict[str, Any] = {
        "convention": convention,
        "form": form,
        "periodes": periodes,
        "apercu": _apercu(form, periodes, verdict, verifie=verifie),
    }
    return render(request, "conventions/formulaire.html", contexte)


def _apercu(
    form: ConventionForm, periodes: BasePeriodes, verdict: Verdict | None, *, verifie: bool
) -> dict[str, Any]:
    return {
        "verdict": verdict,
        "cadre": cadre_ou_aucun(verdict.resultat.convention.debut) if verdict else None,
        "constats": presentation.par_gravite(verdict.constats) if verdict else [],
        "erreurs": _erreurs(form, periodes) if verifie and verdict is None else [],
    }


@personnel_requis
def creer(request: HttpRequest) -> HttpResponse:
    return _page(request, None)


@personnel_requis
def modifier(request: HttpRequest, pk: int) -> HttpResponse:
    convention = convention_ou_404(pk)
    exiger_modification(request.user, convention.etudiant)
    return _page(request, convention)


@personnel_requis
@require_POST
def apercu(request: HttpRequest) -> HttpResponse:
    """The side panel alone, for htmx: the findings on the form's data, nothing saved."""
    convention = None
    if pk := request.GET.get("convention", ""):
        convention = get_object_or_404(Convention, pk=identifiant(pk) or 0)
    form = _formulaire(request, request.POST, nouvelle=convention is None)
    periodes = periodes_formset(request.POST)
    verdict = verdict_du_formulaire(form, periodes, convention)
    return render(
        request,
        "conventions/_apercu.html",
        {"apercu": _apercu(form, periodes, verdict, verifie=True)},
    )
