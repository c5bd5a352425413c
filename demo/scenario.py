"""The demo's conventions, told in the order they happened: the 2025 cohort's first year
(one convention per student for January and June 2026, attested, and a July extension
that crosses 308 hours), its second year (November 2026 and January 2027, on today, one
stage ended early), then the 2026 cohort's first stage in January 2027, being prepared: in
every status before the stage, with the cases the engine refuses (a quota exceeded, a
minor's 39-hour week, an incomplete draft); and the stages of the cohort that sat the 2026
exam session, all over, whose records the exam dossiers read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from conventions.models import Convention, Statut
from conventions.services import (
    PeriodeSaisie,
    avenant_creer,
    convention_creer,
    convention_rompre,
)
from demo import calendrier as cal
from demo import personnes
from demo.accueil import Accueil
from demo.clauses import OMISES_BROUILLON_INCOMPLET, clauses
from demo.cycle import Absence, avancer, releve_tenir, transition
from demo.equipe import Equipe
from demo.hotes import (
    HOTES,
    MISSIONS_PAR_PROFIL,
    PETITE_BOUTIQUE,
    PROLONGATION,
    QUOTA,
    SANS_EFFECTIF,
)
from demo.promotions import Promotions
from etablissement.models import Etudiant
from referentiel.models import Competence, Mission
from referentiel.selectors import competences_des_missions
from regles.modele import Initiative, TypeAbsence

S = Statut
Periode = tuple[date, date]

# Hosts that pay a gratification they do not owe (D124-8 last al.): (mode, amount).
GRATIFICATIONS_VOLONTAIRES = {
    "banque-garonne-atlantique": ("mensuelle", Decimal("400.00")),
    "sud-ouest-mutuelles": ("horaire", Decimal("4.80")),  # above the legal rate, by choice
    "atlantique-mobilites": ("mensuelle", Decimal("500.00")),
}

# A student's first stage of a school year falls short of the year's 40 days: the engine
# warns, and the administrator acknowledges it at validation (more is planned later).
PREMIERE_DE_L_ANNEE = ("PROGRAMME_INSUFFISANT",)

# Students are spread over the hosts by a rotation, one step of 7 (prime with the number of
# hosts, so a host gets one student of a cohort in a year, two at most when an excluded
# host pushes one along) and a shift per year (nobody goes back to the same host). The host
# just added takes no one yet.
_TOURNANTS = [h.cle for h in HOTES if h.cle != SANS_EFFECTIF]


def _hote_tournant(rang: int, decalage: int, exclus: Sequence[str] = ()) -> str:
    indice = (rang * 7 + decalage) % len(_TOURNANTS)
    while _TOURNANTS[indice] in exclus:
        indice = (indice + 1) % len(_TOURNANTS)
    return _TOURNANTS[indice]


def _repartition(
    rangs: Sequence[int],
    decalage: int,
    imposes: Mapping[int, str] | None = None,
    exclus: Sequence[str] = (),
) -> dict[int, str]:
    """Each rank's host; a rank with an imposed host swaps with whoever the rotation put there."""
    hotes = {rang: _hote_tournant(rang, decalage, exclus) for rang in rangs}
    for rang, cle in (imposes or {}).items():
        for autre, sien in hotes.items():
            if sien == cle and autre != rang:
                hotes[autre] = hotes[rang]
        hotes[rang] = cle
    return hotes


@dataclass
class CasParticuliers:
    """The conventions the demo is built to show, by role (tests and the report use them)."""

    quota_refuse: Convention | None = None
    prolongation: Convention | None = None
    rappels: list[Convention] = field(default_factory=list)
    mineure: Convention | None = None
    mineur_39h: Convention | None = None
    incomplete: Convention | None = None
    sans_effectif: Convention | None = None
    avenant: Convention | None = None
    rompue: Convention | None = None
    apres_rupture: Convention | None = None
    refusee: Convention | None = None
    annulee: Convention | None = None
    en_signature: Convention | None = None
    # The 2024 cohort (exam session 2026), by what its dossier will show: "complet_1" to
    # "complet_4", "duree_courte", "attestation_manquante", "fiches_en_relecture_1" and "_2".
    session_2026: dict[str, Etudiant] = field(default_factory=dict)


class Scenario:
    def __init__(
        self, equipe: Equipe, promotions: Promotions, accueils: Mapping[str, Accueil]
    ) -> None:
        self.equipe = equipe
        self.promotions = promotions
        self.accueils = accueils
        self.missions = {m.code: m for m in Mission.objects.filter(actif=True)}
        self.competences: dict[tuple[str, int], list[Competence]] = {}
        self.cas = CasParticuliers()

    # -- building blocks ----------------------------------------------------------------

    def nouvelle(
        self,
        rang: int,
        cle: str,
        periodes: Sequence[Periode],
        *,
        annee_formation: int,
        tuteur: int | None = None,
        signee_le: date | None = None,
        omises: Sequence[str] = (),
        **champs: Any,
    ) -> Convention:
        """A draft written by the student's référent, with the host's missions and the
        complete clauses of D124-4 (save `omises`)."""
        etudiant = self.promotions.etudiant(rang)
        accueil = self.accueils[cle]
        tuteur_ = accueil.tuteurs[(rang if tuteur is None else tuteur) % len(accueil.tuteurs)]
        profil = accueil.hote.profil
        missions = [self.missions[code] for code in MISSIONS_PAR_PROFIL[profil]]
        version = etudiant.promotion.version_referentiel
        if (profil, version.pk) not in self.competences:  # one query per trade, not per convention
            self.competences[(profil, version.pk)] = list(
                competences_des_missions(missions, version=version)
            )
        competences = self.competences[(profil, version.pk)]
        if cle in GRATIFICATIONS_VOLONTAIRES and "gratification_mode" not in champs:
            mode, montant = GRATIFICATIONS_VOLONTAIRES[cle]
            champs |= {"gratification_mode": mode, "gratification_montant": montant}
        debut = periodes[0][0]
        return convention_creer(
            auteur=self.equipe.compte(etudiant.referent_id),
            periodes=[PeriodeSaisie(d, f) for d, f in periodes],
            missions=missions,
            competences=competences,
            etudiant=etudiant,
            etablissement_accueil=accueil.site,
            tuteur=tuteur_,
            referent=etudiant.referent,
            date_effet_tuteur=debut,
            # The day it was signed, three weeks before the start, rather than the day the
            # demo is built: recording the signatures keeps a date already written.
            date_signature=signee_le,
            # The demo writes each convention's clauses from its parties (and leaves some
            # blank on purpose): the section's default texts do not fill them.
            textes_par_defaut=False,
            contenus=clauses(
                annee_formation=annee_formation,
                referent=etudiant.referent,
                tuteur=tuteur_,
                missions=missions,
                competences=competences,
                omises=omises,
            ),
            **champs,
        )

    def jusqu_a(
        self,
        statut: Statut,
        rang: int,
        cle: str,
        periodes: Sequence[Periode],
        *,
        annee_formation: int,
        absences: Mapping[date, Absence] | None = None,
        avertissements: Sequence[str] = (),
        releve: bool = True,
        **champs: Any,
    ) -> Convention:
        """A convention taken to `statut`, acknowledging the expected `avertissements` at
        validation; once started, with `releve`, the host's log of its days is keyed in (up
        to the day before the demo's day)."""
        signee = statut not in (S.BROUILLON, S.A_VALIDER, S.VALIDEE, S.EN_SIGNATURE)
        debut = periodes[0][0]
        convention = self.nouvelle(
            rang,
            cle,
            periodes,
            annee_formation=annee_formation,
            # Three weeks before the start, and by the story's day at the latest (a January
            # stage already signed on 27 November was signed before it).
            signee_le=min(debut - timedelta(days=21), cal.JOUR_DE_LA_DEMO - timedelta(days=2))
            if signee
            else None,
            **champs,
        )
        if releve and statut in (S.TERMINEE, S.ATTESTEE, S.EN_COURS):
            convention = avancer(convention, S.EN_COURS, self.equipe, avertissements)
            self.releve(convention, absences)
        return avancer(convention, statut, self.equipe, avertissements)

    def releve(
        self, convention: Convention, absences: Mapping[date, Absence] | None = None
    ) -> None:
        releve_tenir(
            convention,
            jusqu_au=cal.DERNIER_JOUR_RELEVE,
            auteur=self.equipe.compte(convention.referent_id),
            absences=absences,
        )

    # -- the story ----------------------------------------------------------------------

    def raconter(self) -> CasParticuliers:
        self.premiere_annee_anciens()
        self.deuxieme_annee_anciens()
        self.janvier_nouveaux()
        self.session_2026()
        return self.cas

    def premiere_annee_anciens(self) -> None:
        """2025-2026, all over: each student had one host for the year, one convention for
        the January and June periods. Attested, save three whose attestation is awaited.
        Camille stays at the wine house three more weeks in July.

        The section keyed in each stage's day-by-day log: the exam dossier counts the days
        the log confirms (examens/preparation.py)."""
        camille = personnes.RANG_PROLONGATION
        absences = {
            11: {date(2026, 1, 13): Absence(TypeAbsence.MALADIE_ACCIDENT),
                 date(2026, 1, 14): Absence(TypeAbsence.MALADIE_ACCIDENT)},
            17: {date(2026, 6, 19): Absence(TypeAbsence.INJUSTIFIEE, 210, 210)},
        }  # fmt: skip
        attestation_attendue = {2, 11, 17}
        rangs = range(personnes.PAR_PROMOTION)
        hotes = _repartition(rangs, 0, {camille: PROLONGATION})
        for rang in rangs:
            attendue = rang in attestation_attendue or rang == camille
            convention = self.jusqu_a(
                S.TERMINEE if attendue else S.ATTESTEE,
                rang,
                hotes[rang],
                [cal.A_JANVIER_2026, cal.A_JUIN_2026],
                annee_formation=1,
                absences=absences.get(rang),
            )
            if rang == camille:
                self.cas.rappels.append(convention)
                self.prolongation_juillet(convention)

    def prolongation_juillet(self, annee: Convention) -> None:
        """The wine house keeps Camille three more weeks in July, paid the legal minimum:
        with January and June, 378 hours in the school year, over 308, so the gratification
        was due from the first hour in January: the year's convention owes back-pay."""
        prolongation = self.jusqu_a(
            S.SIGNEE,
            personnes.RANG_PROLONGATION,
            PROLONGATION,
            [cal.PROLONGATION_JUILLET_2026],
            annee_formation=1,
            tuteur=0,
            gratification_mode="minimum_legal",
            avertissements=("GRAT_OBLIGATOIRE",),
        )
        transition(annee, "attester", self.equipe)  # June's attestation came in meanwhile
        prolongation = avancer(prolongation, S.EN_COURS, self.equipe)
        self.releve(prolongation)
        self.cas.prolongation = avancer(prolongation, S.TERMINEE, self.equipe)

    def deuxieme_annee_anciens(self) -> None:
        """2026-2027, on today: one convention for the November and January periods, the
        November stage logged up to yesterday. Mathis leaves his host on the first Friday
        and looks for another one for January."""
        absences = {
            4: {date(2026, 11, 26): Absence(TypeAbsence.CONGE_CONVENTION)},
            7: {date(2026, 11, 23): Absence(TypeAbsence.FERIE_FERMETURE)},
            10: {date(2026, 11, 24): Absence(TypeAbsence.MALADIE_ACCIDENT)},
            22: {date(2026, 11, 17): Absence(TypeAbsence.INJUSTIFIEE, 210, 210)},
            25: {jour: Absence(TypeAbsence.MATERNITE_PATERNITE_ADOPTION)
                 for jour in (date(2026, 11, 18), date(2026, 11, 19), date(2026, 11, 20))},
        }  # fmt: skip
        rangs = range(personnes.PAR_PROMOTION)
        # The estate agency's January weeks are the quota case's: nobody else there.
        hotes = _repartition(rangs, 23, exclus=(QUOTA,))
        for rang in rangs:
            if rang == personnes.RANG_RUPTURE:
                continue
            self.jusqu_a(
                S.EN_COURS,
                rang,
                hotes[rang],
                [cal.A_NOVEMBRE_2026, cal.A_JANVIER_2027],
                annee_formation=2,
                absences=absences.get(rang),
            )
        mathis = personnes.RANG_RUPTURE
        self.cas.rompue = self.rompre(mathis, hotes[mathis])
        self.cas.apres_rupture = self.jusqu_a(
            S.BROUILLON,
            mathis,
            _hote_tournant(mathis, 31, exclus=(QUOTA,)),
            [cal.A_JANVIER_2027],
            annee_formation=2,
        )

    def rompre(self, rang: int, cle: str) -> Convention:
        """Mathis's November convention: signed, started, his week logged, then ended at his
        initiative (no waiting period for the host's next intern, L124-11)."""
        convention = self.nouvelle(
            rang,
            cle,
            [cal.A_NOVEMBRE_2026],
            annee_formation=2,
            signee_le=cal.A_NOVEMBRE_2026[0] - timedelta(days=21),
        )
        convention = avancer(convention, S.EN_COURS, self.equipe, PREMIERE_DE_L_ANNEE)
        releve_tenir(
            convention,
            jusqu_au=cal.RUPTURE_DERNIER_JOUR,
            auteur=self.equipe.compte(convention.referent_id),
        )
        return convention_rompre(
            convention=convention,
            auteur=self.equipe.compte(convention.referent_id),
            dernier_jour=cal.RUPTURE_DERNIER_JOUR,
            initiative=Initiative.STAGIAIRE.value,
            motif=(
                "L'étudiant a mis fin au stage : les missions confiées (saisie de commandes) "
                "ne correspondaient pas à la convention ; l'équipe lui cherche un autre organisme."
            ),
        )

    def changer_de_tuteur(self, convention: Convention) -> None:
        nouveau = self.accueils["cotoon"].tuteurs[1]
        avenant_creer(
            convention=convention,
            auteur=self.equipe.administratrice,
            date_effet=cal.B_JANVIER_2027[0],
            motif=(
                "Le tuteur désigné quitte l'entreprise le 31 décembre 2026 : "
                f"{nouveau.prenom} {nouveau.nom}, {nouveau.fonction.lower()}, lui succède."
            ),
            tuteur=nouveau,
        )
        self.cas.avenant = convention

    def janvier_nouveaux(self) -> None:
        """4 - 29 January 2027, the 2026 cohort's first stage, being prepared. Four students
        at the 12-person estate agency: three are validated, the fourth exceeds the quota of
        the weeks they share. Four students still look for a host."""
        p = personnes

        def premier_stage(
            statut: Statut, rang: int, cle: str | None = None, **champs: Any
        ) -> Convention:
            rotation = _hote_tournant(rang - p.PAR_PROMOTION, 5, exclus=(QUOTA, PETITE_BOUTIQUE))
            return self.jusqu_a(
                statut,
                rang,
                cle or rotation,
                [cal.B_JANVIER_2027],
                annee_formation=1,
                avertissements=PREMIERE_DE_L_ANNEE,
                **champs,
            )

        statuts = {
            40: S.SIGNEE, 41: S.SIGNEE,
            42: S.EN_SIGNATURE, 43: S.EN_SIGNATURE, 44: S.EN_SIGNATURE,
            45: S.VALIDEE, 46: S.VALIDEE, 48: S.VALIDEE, 49: S.VALIDEE,
            50: S.A_VALIDER, 51: S.A_VALIDER, 52: S.A_VALIDER, 53: S.A_VALIDER,
            54: S.BROUILLON, 55: S.BROUILLON,
        }  # fmt: skip
        for rang, statut in statuts.items():
            convention = premier_stage(statut, rang)
            if statut == S.EN_SIGNATURE and self.cas.en_signature is None:
                self.cas.en_signature = convention  # its circuit opens once built (circuit.py)
        # At the e-commerce site, the tutor named leaves before January: an avenant.
        self.changer_de_tuteur(premier_stage(S.SIGNEE, p.RANG_AVENANT, "cotoon", tuteur=0))

        # The minor: a shop of three, Monday to Friday 7 h: within a minor's limits.
        self.cas.mineure = premier_stage(S.SIGNEE, p.RANG_MINEURE, PETITE_BOUTIQUE)
        # The quota: three validated, then one too many (its own tutor: not the tutor cap).
        for rang, statut in zip(p.RANGS_QUOTA, (S.SIGNEE, S.EN_SIGNATURE, S.VALIDEE), strict=True):
            premier_stage(statut, rang, QUOTA, tuteur=0)
        self.cas.quota_refuse = premier_stage(S.A_VALIDER, p.RANG_QUOTA_DEPASSE, QUOTA, tuteur=1)

        # Drafts the engine would stop: clauses missing; a minor at 39 h a week (7 h 48 a
        # day); a host that has not declared its headcount yet (a warning, not a refusal).
        self.cas.incomplete = premier_stage(
            S.BROUILLON, p.RANG_INCOMPLET, omises=OMISES_BROUILLON_INCOMPLET
        )
        semaine_de_39_heures: dict[str, Any] = {
            f"minutes_{jour}": 468 for jour in ("lundi", "mardi", "mercredi", "jeudi", "vendredi")
        }
        self.cas.mineur_39h = premier_stage(S.BROUILLON, p.RANG_MINEUR_39H, **semaine_de_39_heures)
        self.cas.sans_effectif = premier_stage(S.BROUILLON, p.RANG_SANS_EFFECTIF, SANS_EFFECTIF)

        # Refused by the administrator; cancelled after validation when the host withdrew.
        self.cas.refusee = transition(
            premier_stage(S.A_VALIDER, p.RANG_REFUSEE),
            "refuser",
            self.equipe,
            motif=(
                "Les activités proposées (mise en rayon, tenue de caisse) ne relèvent pas du "
                "référentiel NDRC : à revoir avec l'entreprise."
            ),
        )
        self.cas.annulee = transition(
            premier_stage(S.VALIDEE, p.RANG_ANNULEE),
            "annuler",
            self.equipe,
            motif="L'entreprise a retiré son offre de stage (réorganisation du service).",
        )

    def session_2026(self) -> None:
        """2024-2026, the cohort of the 2026 exam session: one host a year, one convention for
        January and June 2025, one for November 2025 and February-March 2026, all attested,
        save Dylan's second year, whose attestation never came back. Élodie was off sick
        three days in March and did not make them up: 77 days done of the 80 the exam asks.

        Every stage keyed in day by day, as the exam dossier reads them."""
        p = personnes
        absences = {
            p.RANG_DUREE_COURTE: {
                jour: Absence(TypeAbsence.MALADIE_ACCIDENT)
                for jour in (date(2026, 3, 17), date(2026, 3, 18), date(2026, 3, 19))
            }
        }
        annees = (
            (1, [cal.D_JANVIER_2025, cal.D_JUIN_2025], 3),
            (2, [cal.D_NOVEMBRE_2025, cal.D_FIN_HIVER_2026], 17),
        )
        for annee_formation, periodes, decalage in annees:
            hotes = _repartition(p.RANGS_DIPLOMES, decalage)
            for rang in p.RANGS_DIPLOMES:
                attendue = annee_formation == 2 and rang == p.RANG_ATTESTATION_MANQUANTE
                absentes = absences.get(rang) if annee_formation == 2 else None
                self.jusqu_a(
                    S.TERMINEE if attendue else S.ATTESTEE,
                    rang,
                    hotes[rang],
                    periodes,
                    annee_formation=annee_formation,
                    absences=absentes,
                )
        roles = [
            *(f"complet_{i}" for i in range(1, len(p.RANGS_COMPLETS) + 1)),
            "duree_courte",
            "attestation_manquante",
            *(f"fiches_en_relecture_{i}" for i in range(1, len(p.RANGS_FICHES_EN_RELECTURE) + 1)),
        ]
        rangs = [
            *p.RANGS_COMPLETS,
            p.RANG_DUREE_COURTE,
            p.RANG_ATTESTATION_MANQUANTE,
            *p.RANGS_FICHES_EN_RELECTURE,
        ]
        self.cas.session_2026 = {
            role: self.promotions.etudiant(rang) for role, rang in zip(roles, rangs, strict=True)
        }
