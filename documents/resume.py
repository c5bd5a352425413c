"""What the signing page says of the document a signatory signs: in which capacity they
sign, the student, the host and its site, the dates, the hours, the gratification and the
référent, as French sentences.

Every figure is the one the PDF prints: the document's own data (documents.contexte, built
on the rules engine's verdict), not a second computation; whether gratification is due is
the engine's schedule (a month where it is mandatory), its threshold the parameters in force
on the stage's first day (regles.cadre)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from conventions.moteur import evaluer_convention
from documents import libelles
from documents.bac_a_sable import Donnee
from documents.contexte import Sujet, donnees
from documents.models import Document, Signature, TypeDocument
from regles import format as fmt
from regles.cadre import cadre_ou_aucun
from regles.parametres import ParametreNonEnVigueur


@dataclass(frozen=True)
class Resume:
    role: str  # « en tant que tuteur »
    objet: str  # « Convention de stage de … chez …, du … au … »
    etudiant: str
    formation: str
    organisme: str
    site: str  # the place of the stage: its name and address
    tuteur: str
    periodes: list[str]
    heures_semaine: str = ""
    duree: str = ""
    gratification: str = ""
    gratification_due: str = ""
    referent: str = ""
    referent_email: str = ""
    avenant: dict[str, Donnee] | None = None
    changements: list[dict[str, str]] = field(default_factory=list)


def _texte(valeur: Donnee) -> str:
    return valeur if isinstance(valeur, str) else ""


def _due(mois_obligatoires: int, debut: date | None) -> str:
    cadre = cadre_ou_aucun(debut) if debut else None
    seuil = (
        f"plus de {cadre.seuil_mois} mois de présence ({fmt.heures(cadre.seuil_minutes)}) "
        "chez cet organisme pendant l'année scolaire"
        if cadre
        else "au-delà du seuil légal de présence chez cet organisme"
    )
    if mois_obligatoires:
        return f"Obligatoire pour ce stage : {seuil}."
    return f"Non obligatoire pour ce stage : il n'atteint pas {seuil}."


def resume(signature: Signature, *, le: date) -> Resume:
    """The summary of `signature`'s document for its signatory; `le` is today (the date
    the document's data are read at)."""
    document = signature.document
    c = document.convention
    etudiant = c.etudiant
    site = c.etablissement_accueil
    base = Resume(
        role=libelles.en_tant_que(signature.role),
        objet=libelles.objet(document),
        etudiant=str(etudiant),
        formation=f"{etudiant.promotion.formation.intitule}, {etudiant.promotion.libelle}",
        organisme=site.organisme.raison_sociale,
        site=", ".join(
            m for m in (site.enseigne, site.adresse, f"{site.code_postal} {site.ville}") if m
        ),
        tuteur=(
            f"{c.tuteur}{', ' + c.tuteur.fonction if c.tuteur.fonction else ''}"
            if c.tuteur
            else "pas encore désigné"
        ),
        periodes=[str(p) for p in c.periodes.order_by("debut")],
        referent=str(c.referent) if c.referent else "",
        referent_email=c.referent.email if c.referent else "",
    )
    try:
        verdict = evaluer_convention(c)
        d = donnees(c, verdict, etablissement=None, le=le, sujet=_sujet(document))
    except (ParametreNonEnVigueur, ValueError):
        # Dates the law Stages knows does not cover: the PDF says it all, the page less.
        return base
    convention = d["convention"]
    gratification = d["gratification"]
    assert isinstance(convention, dict) and isinstance(gratification, dict)
    echeancier = verdict.resultat.echeancier
    obligatoires = [m for m in echeancier.mois if m.obligatoire]
    texte = _texte(gratification["texte"])
    if c.gratification_mode == "minimum_legal" and echeancier.mois:
        taux = (obligatoires or list(echeancier.mois))[0].taux_horaire
        texte = texte.removesuffix(".") + f", soit {fmt.euros(taux)} par heure de présence."
    if obligatoires:
        texte += f" Minimum légal dû sur le stage : {fmt.euros(echeancier.minimum_du_total)}."
    avenant = d["avenant"]
    return replace(
        base,
        heures_semaine=_texte(convention["heures_semaine"]),
        duree=_texte(convention["duree"]),
        gratification=texte,
        gratification_due=_due(len(obligatoires), c.debut),
        avenant=avenant if isinstance(avenant, dict) else None,
        changements=_changements(avenant),
    )


def _changements(avenant: Donnee) -> list[dict[str, str]]:
    if not isinstance(avenant, dict) or not isinstance(avenant.get("changements"), list):
        return []
    lignes = avenant["changements"]
    assert isinstance(lignes, list)
    return [{k: _texte(v) for k, v in ligne.items()} for ligne in lignes if isinstance(ligne, dict)]


def _sujet(document: Document) -> Sujet:
    if document.type == TypeDocument.AVENANT and document.objet.startswith("avenant-"):
        numero = int(document.objet.removeprefix("avenant-"))
        avenant = document.convention.avenants.filter(numero=numero).first()
        return Sujet(avenant=avenant)
    return Sujet()
