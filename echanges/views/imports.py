"""The two imports, one flow: upload -> preview (nothing written) -> confirm (all or nothing).

A rejected file comes back to the upload form, which keeps what was chosen (the promotion),
with one message per rejected row. An accepted file is kept on the server
(`echanges.imports.depot`) and its preview shows what the confirmation will write; it is
imported once, however many times it is confirmed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from comptes.acces import role_requis
from comptes.models import Role, Utilisateur
from core.forms import DsfrForm
from echanges.forms import ImportEtudiantsForm, ImportOrganismesForm
from echanges.imports import depot, etudiants, organismes
from echanges.imports.bilan import Bilan
from echanges.imports.colonnes import Colonne
from echanges.imports.lecture import Exigence, FichierIllisible, Tableau, lire
from echanges.models import Depot
from etablissement.models import Promotion


@dataclass(frozen=True)
class _Import:
    sorte: str
    titre: str
    gabarit: str
    url_name: str
    formulaire: type[DsfrForm]
    colonnes: Sequence[Colonne]
    exigences: Sequence[Exigence]
    # The form's choices, as the text kept with the file between preview and confirmation.
    parametres: Callable[[Mapping[str, Any]], dict[str, str]]
    # Run the import with those choices; None when they no longer hold (a deleted promotion).
    executer: Callable[[dict[str, str], Tableau, bool], Bilan | None]


def _etudiants(parametres: dict[str, str], tableau: Tableau, enregistrer: bool) -> Bilan | None:
    promotion = Promotion.objects.filter(pk=parametres["promotion"]).first()
    if promotion is None:
        return None
    return etudiants.etudiants_importer(
        promotion=promotion, tableau=tableau, enregistrer=enregistrer
    )


def _organismes(parametres: dict[str, str], tableau: Tableau, enregistrer: bool) -> Bilan:
    return organismes.organismes_importer(
        tableau=tableau,
        effectif_au=date.fromisoformat(parametres["effectif_au"]),
        enregistrer=enregistrer,
    )


ETUDIANTS = _Import(
    sorte="etudiants",
    titre="Importer une liste de classe",
    gabarit="echanges/import_etudiants.html",
    url_name="echanges:import_etudiants",
    formulaire=ImportEtudiantsForm,
    colonnes=etudiants.COLONNES,
    exigences=etudiants.EXIGENCES,
    parametres=lambda donnees: {"promotion": str(donnees["promotion"].pk)},
    executer=_etudiants,
)
ORGANISMES = _Import(
    sorte="organismes",
    titre="Importer une liste d'organismes d'accueil",
    gabarit="echanges/import_organismes.html",
    url_name="echanges:import_organismes",
    formulaire=ImportOrganismesForm,
    colonnes=organismes.COLONNES,
    exigences=organismes.EXIGENCES,
    parametres=lambda donnees: {"effectif_au": donnees["effectif_au"].isoformat()},
    executer=_organismes,
)


@role_requis(Role.ADMINISTRATEUR)
def import_etudiants(request: HttpRequest) -> HttpResponse:
    return _deposer(request, ETUDIANTS)


@role_requis(Role.ADMINISTRATEUR)
@require_POST
def import_etudiants_confirmer(request: HttpRequest) -> HttpResponse:
    return _confirmer(request, ETUDIANTS)


@role_requis(Role.ADMINISTRATEUR)
def import_organismes(request: HttpRequest) -> HttpResponse:
    return _deposer(request, ORGANISMES)


@role_requis(Role.ADMINISTRATEUR)
@require_POST
def import_organismes_confirmer(request: HttpRequest) -> HttpResponse:
    return _confirmer(request, ORGANISMES)


def _page(
    request: HttpRequest,
    import_: _Import,
    form: DsfrForm,
    bilan: Bilan | None = None,
    nom: str = "",
) -> HttpResponse:
    contexte = {"import_": import_, "form": form, "bilan": bilan, "nom_fichier": nom}
    return render(request, import_.gabarit, contexte)


def _deposer(request: HttpRequest, import_: _Import) -> HttpResponse:
    if request.method != "POST":
        # ?promotion=… preselects, for a link from a promotion's page.
        return _page(request, import_, import_.formulaire(initial=request.GET.dict()))
    form = import_.formulaire(request.POST, request.FILES)
    if not form.is_valid():
        return _page(request, import_, form)
    fichier = form.cleaned_data["fichier"]
    contenu = fichier.read()
    try:
        tableau = lire(contenu, import_.colonnes, import_.exigences)
    except FichierIllisible as erreur:
        form.add_error("fichier", erreur.message)
        return _page(request, import_, form)
    parametres = import_.parametres(form.cleaned_data)
    bilan = import_.executer(parametres, tableau, False)
    if bilan is None or not bilan.valide:
        return _page(request, import_, form, bilan, fichier.name)
    assert isinstance(request.user, Utilisateur)  # role_requis let only accounts in
    jeton = depot.deposer(
        auteur=request.user,
        sorte=import_.sorte,
        nom=fichier.name,
        contenu=contenu,
        parametres=parametres,
    )
    contexte = {
        "import_": import_,
        "bilan": bilan,
        "jeton": jeton,
        "nom_fichier": fichier.name,
        "confirmer": f"{import_.url_name}_confirmer",
        "choix": _choix_lisibles(form),
    }
    return render(request, "echanges/apercu.html", contexte)


def _choix_lisibles(form: DsfrForm) -> list[tuple[str, str]]:
    """What the form chose, besides the file, as the preview recalls it."""
    choix = []
    for nom, valeur in form.cleaned_data.items():
        if nom == "fichier":
            continue
        texte = f"{valeur:%d/%m/%Y}" if isinstance(valeur, date) else str(valeur)
        choix.append((str(form.fields[nom].label), texte))
    return choix


def _confirmer(request: HttpRequest, import_: _Import) -> HttpResponse:
    assert isinstance(request.user, Utilisateur)
    jeton = request.POST.get("jeton", "")
    bilan = None
    with transaction.atomic():
        # The kept file's row stays locked until the import is committed or rolled back: a
        # second confirmation of this preview waits here, then finds it imported.
        depose = depot.prendre(auteur=request.user, jeton=jeton, sorte=import_.sorte)
        deja_importe = depose is not None and depose.importe_le is not None
        if depose is not None and not deja_importe:
            bilan = _relire_et_importer(import_, depose)
            if bilan is not None and bilan.valide:
                depot.marquer_importe(depose)
    if deja_importe:
        messages.warning(
            request,
            "Cet aperçu a déjà été importé : rien n'a été écrit une seconde fois.",
        )
        return redirect(import_.url_name)
    if depose is None or bilan is None:
        messages.error(
            request,
            "Cet aperçu n'est plus disponible (remplacé par un autre ou expiré) : rien n'a "
            "été écrit. Déposez de nouveau le fichier si besoin.",
        )
        return redirect(import_.url_name)
    if not bilan.valide:
        # The records changed since the preview: nothing was written, say why.
        form = import_.formulaire(initial=depose.parametres)
        return _page(request, import_, form, bilan, depose.nom_fichier)
    invitations = ""
    if bilan.invitations:
        pluriel = "s" if bilan.invitations > 1 else ""
        invitations = (
            f" ; {bilan.invitations} invitation{pluriel} à activer le compte envoyée{pluriel}"
        )
    messages.success(
        request,
        f"Import du fichier « {depose.nom_fichier} » terminé : {bilan.resume}{invitations}.",
    )
    return redirect(import_.url_name)


def _relire_et_importer(import_: _Import, depose: Depot) -> Bilan | None:
    try:
        tableau = lire(bytes(depose.contenu), import_.colonnes, import_.exigences)
    except FichierIllisible:  # it was read at the preview: only if the code changed since
        return None
    return import_.executer(depose.parametres, tableau, True)
