"""Builders of exam dossiers for the readiness tests, the access matrix and the bench: a
cohort starting in 2025 (session 2027, deposit deadline 15/04/2027), a candidate with two
stages of 8 weeks (one a year), their presence logged, their attestations and fiches."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.utils import timezone

from conventions.models import Convention, Pointage, Statut
from documents.models import Document, ModeleDocument, TypeDocument, objet_periode
from etablissement.models import Etudiant, Promotion
from examens.models import Fiche, SessionExamen, StatutFiche, TypeFiche
from tests import fabriques

LIMITE = date(2027, 4, 15)
# Monday to Friday, 8 weeks each: 40 days of 7 h a year of study.
STAGES = ((date(2026, 1, 5), date(2026, 2, 27)), (date(2026, 11, 2), date(2026, 12, 25)))
REQUISES = (
    TypeFiche.E4_NEGO,
    TypeFiche.E4_EVENEMENT,
    TypeFiche.E6_DISTRIBUTEURS,
    TypeFiche.E6_PARTENAIRES,
    TypeFiche.E6_VENTE_DIRECTE,
)


def promotion() -> Promotion:
    return fabriques.promotion(annee_debut=2025, periodes=False, libelle="NDRC 2025-2027 examen")


def session(promo: Promotion | None = None, *, limite: date = LIMITE) -> SessionExamen:
    return SessionExamen.objects.create(
        promotion=promo or promotion(), annee=limite.year, date_limite_depot=limite
    )


def _modele() -> ModeleDocument:
    modele, _ = ModeleDocument.objects.get_or_create(
        type=TypeDocument.ATTESTATION, version=900, defaults={"corps": "Attestation"}
    )
    return modele


def document(convention: Convention, type_: str, objet: str, *, signe: bool) -> Document:
    return Document.objects.create(
        convention=convention,
        type=type_,
        objet=objet,
        version=1,
        modele=_modele(),
        fichier=f"documents/test-{convention.pk}-{objet}.pdf",
        sha256="0" * 64,
        fichier_signe=f"documents/test-{convention.pk}-{objet}-signe.pdf" if signe else "",
    )


def _jours_ouvres(debut: date, fin: date) -> list[date]:
    jours = []
    jour = debut
    while jour <= fin:
        if jour.weekday() < 5:
            jours.append(jour)
        jour += timedelta(days=1)
    return jours


def stage(
    eleve: Etudiant,
    debut: date,
    fin: date,
    *,
    statut: str = Statut.TERMINEE,
    attestation: bool | None = True,  # None: no attestation; False: not signed
    jours_presents: int | None = None,
    organisme: Any = None,
) -> Convention:
    c = fabriques.convention(etudiant_=eleve, periodes=((debut, fin),), organisme_=organisme)
    Convention.objects.filter(pk=c.pk).update(statut=statut)
    c.refresh_from_db()
    jours = _jours_ouvres(debut, fin)[:jours_presents]
    Pointage.objects.bulk_create(
        Pointage(convention=c, jour=j, minutes_presence=420) for j in jours
    )
    if attestation is not None:
        for periode in c.periodes.all():
            document(c, TypeDocument.ATTESTATION, objet_periode(periode.pk), signe=attestation)
    return c


def fiches(
    eleve: Etudiant, *, statut: str = StatutFiche.CONFORME, sauf: tuple[str, ...] = ()
) -> None:
    maintenant = timezone.now()
    Fiche.objects.bulk_create(
        Fiche(
            etudiant=eleve,
            type=t,
            numero=rang,
            titre=f"Fiche {t}",
            statut=statut,
            activite_reelle=t == TypeFiche.E6_DISTRIBUTEURS,
            annexe_offre="examens/annexes/offre.pdf" if t.startswith("E4") else "",
            cree_le=maintenant,
            modifie_le=maintenant,
        )
        for rang, t in enumerate(REQUISES, start=1)
        if t not in sauf
    )


def candidat(
    promo: Promotion, *, nom: str = "Lalanne", complet: bool = True, **champs: Any
) -> Etudiant:
    """A candidate whose dossier is complete (`complet`), or lacks the year-2 stage's
    attestation and an E6 fiche."""
    eleve = fabriques.etudiant(promotion=promo, nom=nom, **champs)
    stage(eleve, *STAGES[0])
    stage(eleve, *STAGES[1], attestation=True if complet else None)
    fiches(eleve, sauf=() if complet else (TypeFiche.E6_PARTENAIRES,))
    return eleve


def candidat_et_session() -> Mapping[str, Any]:
    """For the access matrix: a candidate of a cohort with its session."""
    promo = promotion()
    session(promo)
    return {"pk": candidat(promo).pk}


def promotion_avec_session() -> Mapping[str, Any]:
    promo = promotion()
    session(promo)
    return {"promotion": promo.pk}


def clones(modele: Etudiant, promo: Promotion, nombre: int) -> list[Etudiant]:
    """`nombre` copies of `modele`'s dossier (stages, periods, presence, attestations,
    fiches) written in bulk: the bench's cohorts."""
    conventions = list(Convention.objects.filter(etudiant=modele).prefetch_related("periodes"))
    pointages = {c.pk: list(Pointage.objects.filter(convention=c)) for c in conventions}
    documents = list(Document.objects.filter(convention__in=conventions))
    fiches_modele = list(Fiche.objects.filter(etudiant=modele))
    eleves = []
    for i in range(nombre):
        e = Etudiant.objects.get(pk=modele.pk)
        e.pk = None
        e.nom = f"Clone{i:04d}"
        e.ine = ""
        e.email = f"clone{i}@lycee-eiffel.test"
        e.utilisateur = None
        eleves.append(e)
    eleves = Etudiant.objects.bulk_create(eleves)
    for e in eleves:
        for c in conventions:
            periodes = list(c.periodes.all())
            copie = Convention.objects.get(pk=c.pk)
            copie.pk = None
            copie.etudiant = e
            copie.save()
            nouvelles = {}
            for p in periodes:
                nouvelle = copy.copy(p)
                nouvelle.pk = None
                nouvelle.convention = copie
                nouvelle.save()
                nouvelles[objet_periode(p.pk)] = objet_periode(nouvelle.pk)
            Pointage.objects.bulk_create(
                Pointage(convention=copie, jour=p.jour, minutes_presence=p.minutes_presence)
                for p in pointages[c.pk]
            )
            Document.objects.bulk_create(
                Document(
                    convention=copie,
                    type=d.type,
                    objet=nouvelles.get(d.objet, d.objet),
                    version=d.version,
                    modele_id=d.modele_id,
                    fichier=d.fichier.name,
                    sha256=d.sha256,
                    fichier_signe=d.fichier_signe.name,
                )
                for d in documents
                if d.convention_id == c.pk
            )
        Fiche.objects.bulk_create(
            Fiche(
                etudiant=e,
                type=f.type,
                numero=f.numero,
                titre=f.titre,
                statut=f.statut,
                activite_reelle=f.activite_reelle,
                annexe_offre=f.annexe_offre.name,
                cree_le=f.cree_le,
                modifie_le=f.modifie_le,
            )
            for f in fiches_modele
        )
    return eleves
