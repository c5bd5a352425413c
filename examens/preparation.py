"""The readiness of the exam dossiers, read from the database for the pure rule
(regles/dossier_examen.py): a cohort in a constant number of queries, whatever its size.

What the rule is given, per candidate:
- the stages: every convention in force (conventions.workflow.EN_VIGUEUR), its host, whether
  it is signed (SIGNEES), and per period the state of its attestation: signed for every period
  once the section recorded the attestation (status « attestée »: the signed paper came back),
  else the newest version of the ATTESTATION document whose `objet` names the period
  (objet_periode) — signed once the signed file exists;
- the days of presence the host's log confirms (conventions.Pointage: presence plus the
  L124-13 leave that counts in the durations), within the years of study (regles.programme),
  against the cohort's target per year × the years of study (16 weeks);
- the fiches (examens.Fiche: type, state, « activité réelle vécue », annex), read only;
- the deposit of the dossier for the session, if any.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Prefetch

from conventions.models import Convention, PeriodeConvention, Pointage, Statut
from conventions.workflow import EN_VIGUEUR, SIGNEES
from documents.models import Document, TypeDocument, objet_periode
from etablissement.models import Etudiant, Promotion
from examens.models import DepotDossier, Fiche, SessionExamen
from regles import dossier_examen as regle
from regles import modele
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import Jour, rentree
from regles.programme import progression


@dataclass(frozen=True)
class Ligne:
    """A candidate of the cohort view: the student and the readiness of their dossier."""

    etudiant: Etudiant
    preparation: regle.Preparation


def _jours_requis(promotion: Promotion) -> int:
    p = parametres()
    debut = rentree(promotion.annee_debut, p)
    par_annee = promotion.objectif_jours_par_annee or p.entier(
        "reglages.ndrc_jours_par_annee", debut
    )
    return int(par_annee) * p.entier("reglages.ndrc_annees", debut)


def _attestations(conventions: Sequence[int]) -> dict[tuple[int, str], regle.EtatPiece]:
    """The newest attestation of each (convention, period id), and the convention's own."""
    etats: dict[tuple[int, str], regle.EtatPiece] = {}
    vus: set[tuple[int, str, str]] = set()
    lignes = (
        Document.objects.filter(
            convention_id__in=conventions,
            type__in=(TypeDocument.ATTESTATION, TypeDocument.CONVENTION),
        )
        .order_by("convention_id", "type", "objet", "-version")
        .values_list("convention_id", "type", "objet", "fichier_signe")
    )
    for convention, type_, objet, signe in lignes:
        if (convention, type_, objet) in vus:
            continue  # an older version
        vus.add((convention, type_, objet))
        cle = (convention, objet if type_ == TypeDocument.ATTESTATION else "")
        etats[cle] = regle.EtatPiece.SIGNEE if signe else regle.EtatPiece.NON_SIGNEE
    return etats


def _jours_confirmes(
    etudiants: Sequence[Etudiant], conventions: Sequence[Convention]
) -> dict[int, Decimal]:
    """Days of 7 h the hosts' logs confirm per student, within the years of study."""
    par_convention = {c.pk: c.etudiant_id for c in conventions}
    minutes: dict[int, dict[date, int]] = defaultdict(lambda: defaultdict(int))
    lignes = Pointage.objects.filter(convention_id__in=list(par_convention)).values_list(
        "convention_id", "jour", "minutes_presence", "absence", "minutes_absence"
    )
    for convention, jour, presence, absence, minutes_absence in lignes.order_by():
        compte = presence
        if absence and modele.TypeAbsence(absence).compte_dans_duree:
            compte += minutes_absence
        if compte:
            minutes[par_convention[convention]][jour] += compte
    p = parametres()
    resultat = {}
    for e in etudiants:
        jours = [Jour(j, m, 0, True) for j, m in sorted(minutes[e.pk].items())]
        suivi = progression(
            modele.Etudiant(
                id=str(e.pk),
                date_naissance=e.date_naissance,
                debut_formation=rentree(e.promotion.annee_debut, p),
            ),
            jours,
            p=p,
        )
        resultat[e.pk] = suivi.realises
    return resultat


def candidats(etudiants: Iterable[Etudiant], session: SessionExamen) -> list[regle.Candidat]:
    """The rule's input for these students (of the session's cohort), in 7 queries."""
    etudiants = list(etudiants)
    pks = [e.pk for e in etudiants]
    conventions = list(
        Convention.objects.filter(etudiant_id__in=pks, statut__in=EN_VIGUEUR)
        .select_related("etablissement_accueil__organisme")
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut"))
        )
        .order_by("pk")
    )
    documents = _attestations([c.pk for c in conventions])
    jours = _jours_confirmes(etudiants, conventions)
    fiches: dict[int, list[regle.FicheDossier]] = defaultdict(list)
    for etudiant, type_, numero, statut, reelle, annexe in (
        Fiche.objects.filter(etudiant_id__in=pks)
        .order_by("type", "numero")
        .values_list("etudiant_id", "type", "numero", "statut", "activite_reelle", "annexe_offre")
    ):
        fiches[etudiant].append(regle.FicheDossier(type_, numero, statut, reelle, bool(annexe)))
    depots = dict(
        DepotDossier.objects.filter(session=session, etudiant_id__in=pks).values_list(
            "etudiant_id", "depose_le"
        )
    )
    stages: dict[int, list[regle.Stage]] = defaultdict(list)
    for c in conventions:
        signee = (
            regle.EtatPiece.SIGNEE
            if c.statut in SIGNEES
            else documents.get((c.pk, ""), regle.EtatPiece.NON_SIGNEE)
        )
        stages[c.etudiant_id].append(
            regle.Stage(
                ident=str(c.pk),
                hote=c.etablissement_accueil.organisme.raison_sociale,
                convention=signee,
                periodes=tuple(
                    regle.PeriodeStage(
                        str(per.pk),
                        per.debut,
                        per.fin,
                        regle.EtatPiece.SIGNEE
                        if c.statut == Statut.ATTESTEE
                        else documents.get((c.pk, objet_periode(per.pk)), regle.EtatPiece.ABSENTE),
                    )
                    for per in c.periodes.all()
                    # A stage broken off ends on its last day: a later period never happened.
                    if c.rupture_dernier_jour is None or per.debut <= c.rupture_dernier_jour
                ),
            )
        )
    requis = _jours_requis(session.promotion)
    return [
        regle.Candidat(
            ident=str(e.pk),
            nom=f"{e.nom} {e.prenom}",
            stages=tuple(stages[e.pk]),
            jours_confirmes=jours[e.pk],
            jours_requis=requis,
            fiches=tuple(fiches[e.pk]),
            depose_le=depots.get(e.pk),
        )
        for e in etudiants
    ]


def etudiants_de(session: SessionExamen) -> list[Etudiant]:
    return list(
        Etudiant.objects.filter(promotion_id=session.promotion_id, archive=False)
        .select_related("promotion", "referent", "utilisateur")
        .order_by("nom", "prenom", "pk")
    )


def preparations_session(session: SessionExamen, *, le: date) -> list[Ligne]:
    """Every candidate of the session's cohort with their readiness on `le`, most urgent
    first; in a constant number of queries."""
    etudiants = etudiants_de(session)
    return lignes(etudiants, session, le=le)


def lignes(etudiants: Sequence[Etudiant], session: SessionExamen, *, le: date) -> list[Ligne]:
    par_pk = {str(e.pk): e for e in etudiants}
    resultats = regle.preparations(
        candidats(etudiants, session),
        le=le,
        date_limite=session.date_limite_depot,
        p=parametres(),
    )
    return [Ligne(par_pk[r.candidat], r) for r in resultats]


def preparation_etudiant(etudiant: Etudiant, *, le: date) -> regle.Preparation | None:
    """The readiness of one student's dossier (None: their cohort has no exam session set)."""
    session = session_de(etudiant)
    if session is None:
        return None
    try:
        return lignes([etudiant], session, le=le)[0].preparation
    except ParametreNonEnVigueur:
        return None


def session_de(etudiant: Etudiant) -> SessionExamen | None:
    return (
        SessionExamen.objects.select_related("promotion")
        .filter(promotion_id=etudiant.promotion_id)
        .first()
    )
