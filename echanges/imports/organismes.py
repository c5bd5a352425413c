"""Import a list of host organisations: one row per site (SIRET), or per organisme (SIREN).

An organisme already known by its SIREN is reused as it is, and the row's new SIRET is added
to it; a known SIRET is left alone. The headcount of a row is recorded for the month the
person importing chose (R124-12: the persons employed on the last day of the month), and a
tutor is added unless the organisme has one with the same e-mail or the same name.

All or nothing, as the class list: the rows go through `organismes.services` in one
transaction, rolled back if any row is rejected and always for the preview.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from echanges.imports import valeurs
from echanges.imports.bilan import Action, Bilan, Operation, Probleme, Rejet, problemes_de
from echanges.imports.colonnes import Colonne, cle_comparaison
from echanges.imports.lecture import Exigence, Ligne, Tableau
from organismes.models import EffectifMensuel, EtablissementAccueil, OrganismeAccueil, Tuteur
from organismes.services import (
    effectif_enregistrer,
    etablissement_accueil_creer,
    organisme_creer,
    tuteur_creer,
)
from organismes.validators import valider_siren, valider_siret
from regles.bornes import EFFECTIF_MAX

COLONNES = (
    Colonne(
        "siret",
        "SIRET",
        ("n° SIRET", "numéro SIRET", "SIRET de l'établissement"),
        "14 chiffres, clé de contrôle vérifiée : le lieu du stage. SIRET ou SIREN obligatoire.",
    ),
    Colonne(
        "siren",
        "SIREN",
        ("n° SIREN", "numéro SIREN"),
        "9 chiffres, clé vérifiée. Un SIREN déjà connu réutilise l'organisme existant.",
    ),
    Colonne(
        "raison_sociale",
        "raison sociale",
        ("dénomination", "dénomination sociale", "nom de l'entreprise", "entreprise",
         "nom de l'organisme", "organisme", "société"),
        "Obligatoire pour un nouvel organisme.",
    ),
    Colonne("naf", "NAF", ("code NAF", "APE", "code APE", "NAF/APE", "code NAF/APE"),
            "Facultatif, par exemple 47.11F."),
    Colonne("enseigne", "enseigne", ("nom commercial",), "Facultatif."),
    Colonne("adresse", "adresse", ("adresse postale", "adresse de l'établissement", "voie"),
            "Obligatoire avec un SIRET."),
    Colonne("code_postal", "code postal", ("CP",), "Facultatif."),
    Colonne("ville", "ville", ("commune", "localité"), "Obligatoire avec un SIRET."),
    Colonne("effectif", "effectif",
            ("effectifs", "effectif salarié", "nombre de salariés", "salariés"),
            "Facultatif : nombre de personnes employées, enregistré pour le mois choisi."),
    Colonne("tuteur_nom", "tuteur nom", ("nom du tuteur", "nom tuteur"),
            "Facultatif ; avec le prénom, ajoute le tuteur s'il n'est pas déjà connu."),
    Colonne("tuteur_prenom", "tuteur prénom", ("prénom du tuteur", "prénom tuteur"), "Facultatif."),
    Colonne(
        "tuteur_email",
        "tuteur e-mail",
        ("e-mail du tuteur", "e-mail tuteur", "mail du tuteur", "mail tuteur", "tuteur mail",
         "courriel du tuteur", "tuteur courriel"),
        "Facultatif.",
    ),
    Colonne("tuteur_fonction", "tuteur fonction", ("fonction du tuteur", "fonction tuteur"),
            "Facultatif."),
    Colonne("tuteur_telephone", "tuteur téléphone", ("téléphone du tuteur", "téléphone tuteur"),
            "Facultatif."),
)  # fmt: skip
EXIGENCES: tuple[Exigence, ...] = (("siret", "siren"), ("raison_sociale",))
LIBELLES = {c.cle: c.libelle for c in COLONNES}
ENTETES = ("SIREN", "Raison sociale", "SIRET", "Ville", "Effectif", "Tuteur")

# The columns of each service's fields, to place its full_clean() errors.
_COLONNES_ORGANISME = {
    "raison_sociale": "raison sociale",
    "naf": "NAF",
    "adresse": "adresse",
    "code_postal": "code postal",
    "ville": "ville",
}
_COLONNES_SITE = {
    "siret": "SIRET",
    "enseigne": "enseigne",
    "adresse": "adresse",
    "code_postal": "code postal",
    "ville": "ville",
}
_COLONNES_EFFECTIF = {"personnes": "effectif"}
_COLONNES_TUTEUR = {
    "nom": "tuteur nom",
    "prenom": "tuteur prénom",
    "email": "tuteur e-mail",
    "fonction": "tuteur fonction",
    "telephone": "tuteur téléphone",
}


@dataclass(frozen=True)
class _TuteurLu:
    nom: str
    prenom: str
    email: str
    fonction: str
    telephone: str


@dataclass(frozen=True)
class _Fiche:
    siren: str
    siret: str
    raison_sociale: str
    naf: str
    enseigne: str
    adresse: str
    code_postal: str
    ville: str
    effectif: int | None
    tuteur: _TuteurLu | None


class _Refus(Exception):
    """A row refused while it is written: its savepoint is rolled back."""

    def __init__(self, problemes: list[Probleme]) -> None:
        super().__init__(problemes)
        self.problemes = problemes


@dataclass
class _Connus:
    """What the database holds for the file's SIRENs and SIRETs, kept up to date as rows
    are written, so that a later row of the same organisme reuses it."""

    organismes: dict[str, OrganismeAccueil]
    sites: dict[str, EtablissementAccueil]
    tuteurs: dict[int, list[Tuteur]]  # organisme pk -> its tutors
    crees_ligne: dict[str, int]  # SIREN -> the row of the file that created it


def organismes_importer(*, tableau: Tableau, effectif_au: date, enregistrer: bool) -> Bilan:
    """Create the hosts, sites, headcounts and tutors of `tableau`, all or nothing; with
    `enregistrer=False` (the preview) the same work is done, then rolled back."""
    bilan = Bilan(entetes=ENTETES, ignorees=tableau.ignorees)
    with transaction.atomic():
        _importer(tableau, effectif_au, bilan)
        if bilan.rejets or not enregistrer:
            transaction.set_rollback(True)
    return bilan


def _importer(tableau: Tableau, effectif_au: date, bilan: Bilan) -> None:
    fiches = _lire_et_dedoublonner(tableau.lignes, bilan)
    connus = _charger(fiches)
    for numero, fiche in fiches:
        try:
            with transaction.atomic():  # a savepoint: a refused row leaves the others intact
                operation, nouveaux = _ecrire(numero, fiche, effectif_au, connus)
        except _Refus as refus:
            bilan.rejets.append(Rejet(numero, tuple(refus.problemes)))
            continue
        except IntegrityError:
            bilan.rejets.append(
                Rejet(numero, (Probleme(None, "un autre organisme vient d'être enregistré avec "
                                              "ces identifiants : recommencez l'import"),))
            )  # fmt: skip
            continue
        bilan.operations.append(operation)
        _retenir(connus, numero, nouveaux)
    bilan.rejets.sort(key=lambda r: r.ligne)


def _charger(fiches: list[tuple[int, _Fiche]]) -> _Connus:
    """Three queries for the whole file."""
    sirens = {f.siren for _, f in fiches}
    organismes = {o.siren: o for o in OrganismeAccueil.objects.filter(siren__in=sirens)}
    sites = {
        e.siret: e
        for e in EtablissementAccueil.objects.filter(siret__in={f.siret for _, f in fiches})
    }
    tuteurs: dict[int, list[Tuteur]] = {}
    for tuteur in Tuteur.objects.filter(organisme__siren__in=sirens):
        tuteurs.setdefault(tuteur.organisme_id, []).append(tuteur)
    return _Connus(organismes, sites, tuteurs, {})


def _retenir(connus: _Connus, numero: int, nouveaux: list[Any]) -> None:
    for objet in nouveaux:
        if isinstance(objet, OrganismeAccueil):
            connus.organismes[objet.siren] = objet
            connus.crees_ligne[objet.siren] = numero
        elif isinstance(objet, EtablissementAccueil):
            connus.sites[objet.siret] = objet
        elif isinstance(objet, Tuteur):
            connus.tuteurs.setdefault(objet.organisme_id, []).append(objet)


def _lire_et_dedoublonner(lignes: list[Ligne], bilan: Bilan) -> list[tuple[int, _Fiche]]:
    fiches = []
    vus_siret: dict[str, int] = {}
    effectifs: dict[str, tuple[int, int]] = {}  # SIREN -> (headcount, row)
    for ligne in lignes:
        fiche, problemes = _lire(ligne)
        if fiche is not None and fiche.siret:
            if fiche.siret in vus_siret:
                problemes.append(
                    Probleme("SIRET", f"{fiche.siret} figure déjà ligne {vus_siret[fiche.siret]}")
                )
            vus_siret.setdefault(fiche.siret, ligne.numero)
        if fiche is not None and fiche.effectif is not None:
            autre = effectifs.setdefault(fiche.siren, (fiche.effectif, ligne.numero))
            if autre[0] != fiche.effectif:
                problemes.append(
                    Probleme(
                        "effectif",
                        f"{fiche.effectif} contredit l'effectif {autre[0]} de la ligne {autre[1]} "
                        f"pour le même SIREN {fiche.siren}",
                    )
                )
        if problemes:
            bilan.rejets.append(Rejet(ligne.numero, tuple(problemes)))
        elif fiche is not None:
            fiches.append((ligne.numero, fiche))
    return fiches


def _lire(ligne: Ligne) -> tuple[_Fiche | None, list[Probleme]]:
    problemes: list[Probleme] = []
    v = ligne.valeurs
    siret = valeurs.numero(v.get("siret"), chiffres=14)
    siren = valeurs.numero(v.get("siren"), chiffres=9)
    if siret:
        problemes += _verifier(valider_siret, siret, "SIRET")
    if siren:
        problemes += _verifier(valider_siren, siren, "SIREN")
    if siret and siren and not siret.startswith(siren):
        problemes.append(Probleme("SIRET", f"{siret} ne commence pas par le SIREN {siren}"))
    elif siret and not siren and not problemes:
        # A SIRET can pass its own key while its first 9 digits fail the SIREN's.
        for probleme in _verifier(valider_siren, siret[:9], "SIRET"):
            problemes.append(
                Probleme("SIRET", f"ses 9 premiers chiffres ne forment pas un SIREN valide ({probleme.raison.rstrip('.')})")
            )  # fmt: skip
    if not siret and not siren:
        problemes.append(Probleme("SIRET", "indiquez le SIRET de l'établissement ou le SIREN"))
    effectif = None
    try:
        effectif = valeurs.entier(v.get("effectif"), maximum=EFFECTIF_MAX)
    except valeurs.ValeurInvalide as erreur:
        problemes.append(Probleme("effectif", erreur.raison))
    tuteur, problemes_tuteur = _lire_tuteur(ligne)
    problemes += problemes_tuteur
    if not (siret or siren):
        return None, problemes
    fiche = _Fiche(
        siren=siren or siret[:9],
        siret=siret,
        raison_sociale=valeurs.texte(v.get("raison_sociale")),
        naf=valeurs.texte(v.get("naf")),
        enseigne=valeurs.texte(v.get("enseigne")),
        adresse=valeurs.texte(v.get("adresse")),
        code_postal=valeurs.numero(v.get("code_postal"), chiffres=5),
        ville=valeurs.texte(v.get("ville")),
        effectif=effectif,
        tuteur=tuteur,
    )
    return fiche, problemes


def _lire_tuteur(ligne: Ligne) -> tuple[_TuteurLu | None, list[Probleme]]:
    v = ligne.valeurs
    nom = valeurs.texte(v.get("tuteur_nom"))
    prenom = valeurs.texte(v.get("tuteur_prenom"))
    problemes = []
    email = ""
    try:
        email = valeurs.email(v.get("tuteur_email"))
    except valeurs.ValeurInvalide as erreur:
        problemes.append(Probleme("tuteur e-mail", erreur.raison))
    fonction = valeurs.texte(v.get("tuteur_fonction"))
    telephone = valeurs.texte(v.get("tuteur_telephone"))
    if not (nom or prenom or email or fonction or telephone):
        return None, problemes
    if not nom:
        problemes.append(Probleme("tuteur nom", "le nom du tuteur manque"))
    if not prenom:
        problemes.append(Probleme("tuteur prénom", "le prénom du tuteur manque"))
    return _TuteurLu(nom, prenom, email, fonction, telephone), problemes


def _verifier(validateur: Callable[[str], None], valeur: str, colonne: str) -> list[Probleme]:
    try:
        validateur(valeur)
    except ValidationError as erreur:
        return [Probleme(colonne, message) for message in erreur.messages]
    return []


T = TypeVar("T")


def _appeler(service: Callable[..., T], colonnes: Mapping[str, str], **arguments: Any) -> T:
    """Run a service; its refusal becomes the row's problems, under the right columns."""
    try:
        return service(**arguments)
    except ValidationError as erreur:
        raise _Refus(problemes_de(erreur, colonnes)) from None


def _ecrire(
    numero: int, fiche: _Fiche, effectif_au: date, connus: _Connus
) -> tuple[Operation, list[Any]]:
    nouveaux: list[Any] = []
    details: list[str] = []
    organisme = connus.organismes.get(fiche.siren)
    if organisme is None:
        if not fiche.raison_sociale:
            raise _Refus(
                [Probleme("raison sociale", "la raison sociale d'un nouvel organisme manque")]
            )
        colonne_siren = "SIREN" if not fiche.siret else "SIRET"
        organisme = _appeler(
            organisme_creer,
            {**_COLONNES_ORGANISME, "siren": colonne_siren},
            siren=fiche.siren,
            raison_sociale=fiche.raison_sociale,
            naf=fiche.naf,
            # The file gives one address per row: a new organisme takes it as its own
            # until someone corrects it on its page.
            adresse=fiche.adresse,
            code_postal=fiche.code_postal,
            ville=fiche.ville,
        )
        nouveaux.append(organisme)
        details.append("nouvel organisme")
    elif fiche.siren in connus.crees_ligne:
        details.append(f"organisme créé ligne {connus.crees_ligne[fiche.siren]}")
    else:
        details.append("organisme déjà connu")
    if fiche.siret:
        if fiche.siret in connus.sites:
            details.append(f"établissement {fiche.siret} déjà connu")
        else:
            site = _appeler(
                etablissement_accueil_creer,
                _COLONNES_SITE,
                organisme=organisme,
                siret=fiche.siret,
                adresse=fiche.adresse,
                ville=fiche.ville,
                code_postal=fiche.code_postal,
                enseigne=fiche.enseigne,
            )
            nouveaux.append(site)
            details.append(f"nouvel établissement {fiche.siret}")
    effectif_change = False
    if fiche.effectif is not None:
        texte, effectif_change = _enregistrer_effectif(organisme, effectif_au, fiche.effectif)
        details.append(texte)
    if fiche.tuteur is not None:
        connu = _tuteur_connu(connus.tuteurs.get(organisme.pk, []), fiche.tuteur)
        if connu is not None:
            details.append(f"tuteur déjà connu : {connu}")
        else:
            tuteur = _appeler(
                tuteur_creer,
                _COLONNES_TUTEUR,
                organisme=organisme,
                nom=fiche.tuteur.nom,
                prenom=fiche.tuteur.prenom,
                email=fiche.tuteur.email,
                fonction=fiche.tuteur.fonction,
                telephone=fiche.tuteur.telephone,
            )
            nouveaux.append(tuteur)
            details.append(f"nouveau tuteur : {tuteur}")
    if any(isinstance(objet, OrganismeAccueil) for objet in nouveaux):
        action = Action.CREATION
    elif nouveaux or effectif_change:
        action = Action.MISE_A_JOUR
    else:
        action = Action.INCHANGE
    cellules = (
        organisme.siren,
        organisme.raison_sociale,
        fiche.siret or "—",
        fiche.ville,
        "" if fiche.effectif is None else str(fiche.effectif),
        "" if fiche.tuteur is None else f"{fiche.tuteur.prenom} {fiche.tuteur.nom}",
    )
    return Operation(numero, action, cellules, tuple(details)), nouveaux


def _enregistrer_effectif(
    organisme: OrganismeAccueil, effectif_au: date, personnes: int
) -> tuple[str, bool]:
    """Record the month's headcount; say what it was and whether it changed."""
    mois = effectif_au.replace(day=1)
    avant = (
        EffectifMensuel.objects.filter(organisme=organisme, mois=mois)
        .values_list("personnes", flat=True)
        .first()
    )
    if avant == personnes:
        return f"effectif de {mois:%m/%Y} : {personnes}, déjà connu", False
    _appeler(
        effectif_enregistrer,
        _COLONNES_EFFECTIF,
        organisme=organisme,
        mois=mois,
        personnes=personnes,
        origine="import",
    )
    if avant is None:
        return f"effectif de {mois:%m/%Y} : {personnes}", True
    return f"effectif de {mois:%m/%Y} : {avant} → {personnes}", True


def _tuteur_connu(tuteurs: list[Tuteur], lu: _TuteurLu) -> Tuteur | None:
    for tuteur in tuteurs:
        if lu.email and tuteur.email == lu.email:
            return tuteur
        if (cle_comparaison(tuteur.nom), cle_comparaison(tuteur.prenom)) == (
            cle_comparaison(lu.nom),
            cle_comparaison(lu.prenom),
        ):
            return tuteur
    return None
