"""Readiness of a BTS NDRC candidate's exam dossier for E4 and E6 (referentiel-ndrc.md
§2.2–2.7, §3): the conformity check the commission runs (arrêté du 22 juillet 2008), run early.

A dossier is non-conforme — the candidate gets « NV » and cannot obtain the diploma that
session (circular annexes V-8 and VII-6) — when: an attestation is missing (one per place and
per period of stage), a document is not signed by those entitled to (attestation, convention),
the stage is shorter than required (counted on the presence the host's log confirms), a fiche
of the required set is missing or not reviewed « conforme », an E4 fiche lacks its offer annex,
the E6 set holds no real lived activity, or the dossier is late or not deposited.

The fiche set and the alert days are dated parameters (reglages.ndrc_fiches_*,
reglages.ndrc_alerte_dossier_*), read on the session's deadline. The rule never reads the
clock: it is given the day it judges (`le`) and the deadline. Before the deadline a missing
piece is « pas encore » (still to be done, and who must act); on or after it, « non conforme ».
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum

from regles import format as fr
from regles.parametres import Parametres

ARRETE_2008 = "Arrêté du 22 juillet 2008 (contrôle de conformité des dossiers)"
CIRCULAIRE = "Circulaire nationale du BTS NDRC, annexes V-8 (E4) et VII-6 (E6)"
REFERENCE_CONFORMITE = f"{ARRETE_2008} ; {CIRCULAIRE}"
REFERENCE_ATTESTATION = f"{REFERENCE_CONFORMITE} ; modèle national d'attestation (annexe III-2)"
REFERENCE_DUREE = f"{REFERENCE_CONFORMITE} ; C. éduc. L124-18 (durée comptée sur la présence)"
REFERENCE_FICHES_E4 = f"{REFERENCE_CONFORMITE} ; fiches E4, annexe V-1"
REFERENCE_FICHES_E6 = f"{REFERENCE_CONFORMITE} ; fiches E6, annexe VII-1"

# A dossier still to complete with at most this many blocking findings is « presque prêt ».
PRESQUE_PRET_MAX = 2


class Etat(StrEnum):
    CONFORME = "conforme"
    PAS_ENCORE = "pas_encore"
    NON_CONFORME = "non_conforme"

    @property
    def libelle(self) -> str:
        return {
            Etat.CONFORME: "Conforme",
            Etat.PAS_ENCORE: "À compléter",
            Etat.NON_CONFORME: "Non conforme",
        }[self]


class Acteur(StrEnum):
    ETUDIANT = "etudiant"
    REFERENT = "referent"
    ORGANISME = "organisme"
    SECTION = "section"

    @property
    def libelle(self) -> str:
        return {
            Acteur.ETUDIANT: "l'étudiant",
            Acteur.REFERENT: "le référent",
            Acteur.ORGANISME: "l'organisme d'accueil",
            Acteur.SECTION: "la section",
        }[self]


class EtatPiece(StrEnum):
    ABSENTE = "absente"  # not drawn up yet
    NON_SIGNEE = "non_signee"  # drawn up, someone has not signed
    SIGNEE = "signee"


# The fiche types, as examens.models.TypeFiche spells them, with their parameter and name.
TYPES_REQUIS: tuple[tuple[str, str, str], ...] = (
    ("E4_NEGO", "ndrc_fiches_e4_nego", "E4 « négociation-vente et relation client »"),
    ("E4_EVENEMENT", "ndrc_fiches_e4_evenement", "E4 « évènement commercial »"),
    ("E6_DISTRIBUTEURS", "ndrc_fiches_e6_distributeurs", "E6 « réseau de distributeurs »"),
    ("E6_PARTENAIRES", "ndrc_fiches_e6_partenaires", "E6 « réseau de partenaires »"),
    ("E6_VENTE_DIRECTE", "ndrc_fiches_e6_vente_directe", "E6 « réseau de vente directe »"),
)
STATUT_CONFORME = "conforme"
# What a fiche not yet « conforme » waits for, and from whom.
_ATTENTE_FICHE = {
    "brouillon": ("est encore un brouillon : à envoyer en relecture", Acteur.ETUDIANT),
    "soumise": ("attend la relecture du référent", Acteur.REFERENT),
    "a_corriger": ("est à corriger après la relecture", Acteur.ETUDIANT),
}


@dataclass(frozen=True, slots=True)
class PeriodeStage:
    ident: str
    debut: date
    fin: date
    attestation: EtatPiece


@dataclass(frozen=True, slots=True)
class Stage:
    """One convention: its host (the place) and its periods."""

    ident: str
    hote: str
    convention: EtatPiece
    periodes: tuple[PeriodeStage, ...]


@dataclass(frozen=True, slots=True)
class FicheDossier:
    type: str  # E4_NEGO, E4_EVENEMENT, E6_DISTRIBUTEURS, E6_PARTENAIRES, E6_VENTE_DIRECTE…
    numero: int
    statut: str  # brouillon, soumise, a_corriger, conforme
    activite_reelle: bool = True
    annexe: bool = False  # E4: the offer annex is attached


@dataclass(frozen=True, slots=True)
class Candidat:
    ident: str
    nom: str
    stages: tuple[Stage, ...]
    jours_confirmes: Decimal  # days of 7 h the host's log confirms, over the years of study
    jours_requis: int  # the cohort's target per year × years of study (80 = 16 weeks)
    fiches: tuple[FicheDossier, ...]
    depose_le: date | None = None


@dataclass(frozen=True, slots=True)
class Constat:
    code: str
    texte: str
    acteur: Acteur
    reference: str
    bloquant: bool = True  # False: a step still to come that is not a defect yet
    # True: missing only because the calendar has not come yet (a period not over, its
    # attestation to come). It still blocks conformity, but nobody can act on it today, so it
    # does not count against « presque prêt ».
    a_venir: bool = False


@dataclass(frozen=True, slots=True)
class Preparation:
    candidat: str
    nom: str
    etat: Etat
    constats: tuple[Constat, ...]
    date_limite: date
    jours_restants: int  # days from `le` to the deadline (negative once past)
    depose_le: date | None
    jours_confirmes: Decimal
    jours_requis: int
    fiches_conformes: int
    fiches_attendues: int
    acteurs: tuple[Acteur, ...] = field(default=())

    @property
    def manquants(self) -> tuple[Constat, ...]:
        return tuple(c for c in self.constats if c.bloquant)

    @property
    def a_regler(self) -> tuple[Constat, ...]:
        """What blocks and can be acted on today (not what the calendar will bring)."""
        return tuple(c for c in self.manquants if not c.a_venir)

    @property
    def a_lire(self) -> tuple[Constat, ...]:
        """What blocks, what can be settled today first, what the calendar brings after."""
        return self.a_regler + tuple(c for c in self.manquants if c.a_venir)

    @property
    def presque_pret(self) -> bool:
        return self.etat == Etat.PAS_ENCORE and len(self.a_regler) <= PRESQUE_PRET_MAX

    @property
    def categorie(self) -> str:
        """The filter of the cohort view: pret, presque, incomplet, non_conforme."""
        if self.etat == Etat.CONFORME:
            return "pret"
        if self.etat == Etat.NON_CONFORME:
            return "non_conforme"
        return "presque" if self.presque_pret else "incomplet"

    @property
    def urgence(self) -> tuple[int, int]:
        """Sort key, most urgent first: non conforme, then the most missing, then ready."""
        rang = {"non_conforme": 0, "incomplet": 1, "presque": 2, "pret": 3}[self.categorie]
        return (rang, -len(self.manquants))

    @property
    def qui_doit_agir(self) -> str:
        """« La section, l'étudiant »: who must act, in words (empty: nobody)."""
        texte = ", ".join(a.libelle for a in self.acteurs)
        return texte[:1].upper() + texte[1:]

    @property
    def resume(self) -> str:
        """The state in plain words, with what is missing and who must act."""
        n = len(self.manquants)
        if self.etat == Etat.CONFORME:
            if self.depose_le is not None:
                return f"Dossier conforme, déposé le {fr.jour(self.depose_le)}."
            return "Dossier complet : prêt à être déposé."
        pieces = f"{n} point{'s' if n > 1 else ''} à régler"
        qui = ", ".join(a.libelle for a in self.acteurs)
        if self.etat == Etat.NON_CONFORME:
            return f"Dossier non conforme : {pieces} (à faire par {qui})."
        if not self.a_regler:
            return "Dossier en bonne voie : il reste la fin du stage en cours et son attestation."
        if len(self.a_regler) == n:
            return f"Dossier à compléter : {pieces} (à faire par {qui})."
        # What the calendar will bring is said apart: it is not a point anyone can settle today.
        m = len(self.a_regler)
        return (
            f"Dossier à compléter : {m} point{'s' if m > 1 else ''} à régler (à faire par "
            f"{qui}) ; le reste viendra avec la fin du stage en cours."
        )


def _jours(valeur: Decimal | int) -> str:
    texte = fr.nombre(Decimal(valeur)).rstrip("0").rstrip(",")
    return f"{texte} jour{'s' if valeur >= 2 else ''}"


def fiches_attendues(p: Parametres, le: date) -> dict[str, int]:
    """The fiches a dossier holds by type, in force on `le` (the session's deadline)."""
    return {code: p.entier(f"reglages.{nom}", le) for code, nom, _ in TYPES_REQUIS}


def jours_alerte(p: Parametres, le: date) -> tuple[int, ...]:
    """The days before the deadline the student and the référent are alerted, decreasing."""
    texte = p.texte("reglages.ndrc_alerte_dossier_jours", le)
    return tuple(sorted({int(x) for x in texte.split(",") if x.strip()}, reverse=True))


def _constats_stages(c: Candidat, le: date) -> list[Constat]:
    constats: list[Constat] = []
    if not c.stages:
        constats.append(
            Constat(
                "STAGE_ABSENT",
                "Aucune convention de stage en vigueur : pas d'attestation possible.",
                Acteur.SECTION,
                REFERENCE_ATTESTATION,
            )
        )
    for s in c.stages:
        if s.convention != EtatPiece.SIGNEE:
            constats.append(
                Constat(
                    "CONVENTION_NON_SIGNEE",
                    f"La convention de stage chez {s.hote} n'est pas signée par toutes les "
                    "parties.",
                    Acteur.SECTION,
                    REFERENCE_CONFORMITE,
                )
            )
        for per in s.periodes:
            dates = f"du {fr.jour(per.debut)} au {fr.jour(per.fin)}"
            if per.attestation == EtatPiece.SIGNEE:
                continue
            if per.attestation == EtatPiece.NON_SIGNEE:
                constats.append(
                    Constat(
                        "ATTESTATION_NON_SIGNEE",
                        f"L'attestation de stage chez {s.hote} ({dates}) n'est pas encore "
                        "signée par l'organisme d'accueil.",
                        Acteur.ORGANISME,
                        REFERENCE_ATTESTATION,
                    )
                )
            elif per.fin >= le:
                constats.append(
                    Constat(
                        "ATTESTATION_A_VENIR",
                        f"L'attestation de stage chez {s.hote} ({dates}) sera à établir à la "
                        "fin de la période.",
                        Acteur.SECTION,
                        REFERENCE_ATTESTATION,
                        a_venir=True,
                    )
                )
            else:
                constats.append(
                    Constat(
                        "ATTESTATION_MANQUANTE",
                        f"Il manque l'attestation de stage chez {s.hote} ({dates}) : une "
                        "attestation est exigée par lieu et par période.",
                        Acteur.SECTION,
                        REFERENCE_ATTESTATION,
                    )
                )
    return constats


def _constat_duree(c: Candidat, le: date) -> list[Constat]:
    if c.jours_confirmes >= c.jours_requis:
        return []
    manque = Decimal(c.jours_requis) - c.jours_confirmes
    en_cours = any(per.fin >= le for s in c.stages for per in s.periodes)
    suite = (
        " ; le stage n'est pas terminé : la présence reste à confirmer par l'organisme d'accueil."
        if en_cours
        else " ; des jours de rattrapage sont à prévoir."
    )
    return [
        Constat(
            "DUREE_INSUFFISANTE",
            f"{_jours(c.jours_confirmes)} de présence confirmés sur les "
            f"{_jours(c.jours_requis)} exigés : il manque {_jours(manque)}{suite}",
            Acteur.ORGANISME if en_cours else Acteur.SECTION,
            REFERENCE_DUREE,
            a_venir=en_cours,
        )
    ]


def _constats_fiches(c: Candidat, attendues: dict[str, int], reelles_min: int) -> list[Constat]:
    constats: list[Constat] = []
    for code, _, libelle in TYPES_REQUIS:
        requis = attendues[code]
        if requis <= 0:
            continue
        du_type = sorted((f for f in c.fiches if f.type == code), key=lambda f: f.numero)
        reference = REFERENCE_FICHES_E4 if code.startswith("E4") else REFERENCE_FICHES_E6
        conformes = [f for f in du_type if f.statut == STATUT_CONFORME]
        if len(du_type) < requis:
            manque = requis - len(du_type)
            constats.append(
                Constat(
                    "FICHE_MANQUANTE",
                    f"Fiche {libelle} : {len(du_type)} rédigée{'s' if len(du_type) > 1 else ''}"
                    f" sur {requis} attendue{'s' if requis > 1 else ''} ; "
                    f"{manque} à rédiger.",
                    Acteur.ETUDIANT,
                    reference,
                )
            )
        if len(conformes) < requis:
            for f in du_type:
                if f.statut == STATUT_CONFORME:
                    continue
                attente, acteur = _ATTENTE_FICHE.get(
                    f.statut, ("n'est pas relue « conforme »", Acteur.REFERENT)
                )
                constats.append(
                    Constat(
                        "FICHE_NON_CONFORME",
                        f"La fiche {libelle} n° {f.numero} {attente} ; elle doit être relue "
                        "« conforme ».",
                        acteur,
                        reference,
                    )
                )
        if code.startswith("E4"):
            for f in du_type:
                if not f.annexe:
                    constats.append(
                        Constat(
                            "FICHE_E4_SANS_ANNEXE",
                            f"La fiche {libelle} n° {f.numero} n'a pas son annexe de "
                            "présentation de l'offre (2 pages recto-verso, obligatoire).",
                            Acteur.ETUDIANT,
                            REFERENCE_FICHES_E4,
                        )
                    )
    if reelles_min > 0:
        e6 = [f for f in c.fiches if f.type.startswith("E6")]
        reelles = sum(1 for f in e6 if f.activite_reelle)
        if reelles < reelles_min:
            constats.append(
                Constat(
                    "E6_SANS_ACTIVITE_REELLE",
                    f"Les fiches E6 comptent {reelles} activité{'s' if reelles > 1 else ''} "
                    f"réelle{'s' if reelles > 1 else ''} vécue{'s' if reelles > 1 else ''} "
                    f"pour {reelles_min} exigée{'s' if reelles_min > 1 else ''} (situation A de "
                    "l'épreuve).",
                    Acteur.ETUDIANT,
                    REFERENCE_FICHES_E6,
                )
            )
    return constats


def _constat_depot(c: Candidat, le: date, date_limite: date) -> list[Constat]:
    limite = fr.jour(date_limite)
    if c.depose_le is not None:
        if c.depose_le > date_limite:
            return [
                Constat(
                    "DEPOT_TARDIF",
                    f"Dossier déposé le {fr.jour(c.depose_le)}, après la date limite du {limite}.",
                    Acteur.SECTION,
                    REFERENCE_CONFORMITE,
                )
            ]
        return []
    if le > date_limite:
        return [
            Constat(
                "DOSSIER_NON_DEPOSE",
                f"Dossier non déposé à la date limite du {limite}.",
                Acteur.SECTION,
                REFERENCE_CONFORMITE,
            )
        ]
    restants = (date_limite - le).days
    quand = "aujourd'hui" if restants == 0 else f"dans {_jours(restants)}"
    return [
        Constat(
            "DEPOT_A_FAIRE",
            f"Dossier à déposer au plus tard le {limite} ({quand}).",
            Acteur.SECTION,
            REFERENCE_CONFORMITE,
            bloquant=False,
        )
    ]


def preparation(c: Candidat, *, le: date, date_limite: date, p: Parametres) -> Preparation:
    """The readiness of `c`'s dossier judged on `le`, for a session closing on `date_limite`."""
    attendues = fiches_attendues(p, date_limite)
    reelles_min = p.entier("reglages.ndrc_fiches_e6_reelles_min", date_limite)
    constats = [
        *_constats_stages(c, le),
        *_constat_duree(c, le),
        *_constats_fiches(c, attendues, reelles_min),
        *_constat_depot(c, le, date_limite),
    ]
    bloquants = [k for k in constats if k.bloquant]
    passe = le > date_limite or (c.depose_le is not None and c.depose_le > date_limite)
    if not bloquants:
        etat = Etat.CONFORME
    elif passe or c.depose_le is not None:
        # Past the deadline, or handed in as it is: the commission judges what is there.
        etat = Etat.NON_CONFORME
    else:
        etat = Etat.PAS_ENCORE
    # Who must act: on what can be settled today, before the deadline (what the calendar
    # will bring names nobody yet); on everything once it has come.
    a_regler = [k for k in bloquants if not k.a_venir]
    concernes = bloquants if etat == Etat.NON_CONFORME or not a_regler else a_regler
    acteurs = tuple(a for a in Acteur if any(k.acteur == a for k in concernes))
    conformes = sum(
        min(
            attendues[code],
            sum(1 for f in c.fiches if f.type == code and f.statut == STATUT_CONFORME),
        )
        for code in attendues
    )
    return Preparation(
        candidat=c.ident,
        nom=c.nom,
        etat=etat,
        constats=tuple(constats),
        date_limite=date_limite,
        jours_restants=(date_limite - le).days,
        depose_le=c.depose_le,
        jours_confirmes=c.jours_confirmes,
        jours_requis=c.jours_requis,
        fiches_conformes=conformes,
        fiches_attendues=sum(attendues.values()),
        acteurs=acteurs,
    )


def preparations(
    candidats: Sequence[Candidat], *, le: date, date_limite: date, p: Parametres
) -> list[Preparation]:
    """Every candidate's readiness, most urgent first (then by name)."""
    resultats = [preparation(c, le=le, date_limite=date_limite, p=p) for c in candidats]
    return sorted(resultats, key=lambda r: (r.urgence, r.nom))
