"""The dashboard of one cohort in one school year, as data for its template.

Everything is read in a constant number of queries, whatever the cohort's size: the cohort's
students, its conventions (every status, once), the conventions in force at the same hosts,
and one call of the rules engine for all of them; each convention in preparation is then
judged alone against those (a draft counts in no quota), so that its blocking findings count
too: a convention is stopped by them until it is signed. The date the dashboard is "as of" is given
by the view; nothing here reads the clock.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch
from django.urls import reverse

from conventions.models import Convention, EvenementConvention, Statut
from conventions.moteur import avec_details
from conventions.workflow import ACTEURS, ATTENTES, EN_PREPARATION, EN_VIGUEUR, TRANSITIONS
from etablissement.models import Enseignant, Etudiant, PeriodePromotion, Promotion
from etablissement.selectors import etudiant_pour_regles
from organismes.effectif import EffectifRetenu, effectifs_retenus
from pilotage.annees import bornes_annee_scolaire
from pilotage.evaluation import evaluer_conventions, evaluer_projets, voisines
from pilotage.liens import url_convention
from regles.constats import Constat, Severite
from regles.evaluation import Evaluation
from regles.parametres import parametres
from regles.programme import AnneeEtude, progression


@dataclass(frozen=True)
class Etape:
    """A step of the life cycle where the dashboard lists the conventions waiting. Who acts
    and for what is the workflow's word (conventions.workflow.ATTENTES), not repeated here."""

    statuts: tuple[Statut, ...]
    action: str

    @property
    def qui(self) -> str:
        attente = ATTENTES[self.statuts[0]]
        return f"{ACTEURS[attente.qui]} — {attente.quoi}"


# Each step waits for a transition of the workflow: its statuses are the ones that
# transition starts from.
ETAPES = tuple(
    Etape(TRANSITIONS[action].depuis, libelle)
    for action, libelle in (
        ("soumettre", "À compléter et soumettre"),
        ("valider", "À valider"),
        ("envoyer_signature", "À envoyer en signature"),
        ("enregistrer_signatures", "Signatures à recueillir"),
        ("attester", "Attestation de stage à enregistrer"),
    )
)


# The findings the host's headcount explains (regles.evaluation._constats_quota).
CODES_EFFECTIF = frozenset({"QUOTA_DEPASSE", "EFFECTIF_INCONNU"})


@dataclass
class ConventionEnAttente:
    convention: Convention
    qui: str  # a draft's author and référent, by name; empty for the other steps
    url: str


@dataclass
class GroupeEnAttente:
    etape: Etape
    conventions: list[ConventionEnAttente]


@dataclass
class ConstatsOuverts:
    """The blocking findings and the warnings nobody has acknowledged, of one convention
    (or of the student, `convention` None)."""

    etudiant: Etudiant
    convention: Convention | None
    bloquants: list[Constat]
    avertissements: list[Constat]
    url: str
    # The host's R124-12 headcount, when a finding is about the quota (the words agree).
    effectif: EffectifRetenu | None = None


@dataclass
class LigneProgramme:
    etudiant: Etudiant
    annee: AnneeEtude | None  # None: the cohort is not in training that school year
    objectif: int
    # The cohort still has a stage period of the year not over: a shortfall is not one yet,
    # the days may still be planned (shown « à venir », not as a deficit).
    a_venir: bool = False
    formation_prevus: Decimal = Decimal(0)  # every year of study together
    formation_objectif: int = 0

    @property
    def manque(self) -> Decimal:
        """Days still to plan against the cohort's own target."""
        prevus = self.annee.prevus if self.annee is not None else Decimal(0)
        return max(Decimal(self.objectif) - prevus, Decimal(0))

    @property
    def en_retard(self) -> bool:
        """Short of the target once the year's periods are over: a real deficit."""
        return self.annee is not None and self.manque > 0 and not self.a_venir

    @property
    def objectif_atteint(self) -> bool:
        return self.annee is not None and self.manque == 0


@dataclass
class PeriodeAVenir:
    periode: PeriodePromotion
    couverts: int  # students with a convention (not cancelled) over the period
    total: int
    le: date | None = None  # the day the dashboard is as of

    @property
    def en_cours(self) -> bool:
        """Started on `le` (else still to come: « à venir »)."""
        return self.le is not None and self.periode.debut <= self.le


@dataclass
class TableauDeBord:
    promotion: Promotion
    annee_scolaire: int
    debut: date
    fin: date
    le: date  # the day "next" is counted from
    annee_formation: int | None  # 1, 2, or None when the cohort is not in training
    prochaine_periode: PeriodePromotion | None
    sans_convention: list[Etudiant]
    en_attente: list[GroupeEnAttente]
    constats: list[ConstatsOuverts]
    programme: list[LigneProgramme]
    periodes_a_venir: list[PeriodeAVenir]
    etudiants: int = 0
    bloquants: int = field(init=False)
    avertissements: int = field(init=False)

    def __post_init__(self) -> None:
        self.bloquants = sum(len(c.bloquants) for c in self.constats)
        self.avertissements = sum(len(c.avertissements) for c in self.constats)

    @property
    def nombre_en_attente(self) -> int:
        return sum(len(g.conventions) for g in self.en_attente)


def _charger(promotion: Promotion, referent: Enseignant | None) -> list[Convention]:
    """Every convention of the cohort (of the students `referent` follows, if given) but the
    cancelled ones, with what the rows and the engine read, the author (creation event) and
    the acknowledged warnings."""
    creations = EvenementConvention.objects.filter(action="creation").select_related("auteur")
    conventions = Convention.objects.filter(etudiant__promotion=promotion, etudiant__archive=False)
    if referent is not None:
        conventions = conventions.filter(etudiant__referent=referent)
    return list(
        avec_details(conventions.exclude(statut=Statut.ANNULEE)).prefetch_related(
            Prefetch("evenements", queryset=creations, to_attr="creations"),
            "acquittements",
        )
    )


def _url_etudiant(etudiant_id: int, ancre: str = "") -> str:
    url = reverse("etablissement:etudiant", kwargs={"pk": etudiant_id})
    return f"{url}#{ancre}" if ancre else url


def _url(convention: Convention, ancre: str) -> str:
    return url_convention(convention.pk) or _url_etudiant(convention.etudiant_id, ancre)


def _qui_pour_un_brouillon(convention: Convention) -> str:
    creations: list[EvenementConvention] = getattr(convention, "creations", [])
    auteur = creations[0].auteur if creations and creations[0].auteur else None
    noms = []
    if auteur is not None:
        noms.append(f"son auteur, {auteur.get_full_name() or auteur.email}")
    if convention.referent is not None:
        noms.append(f"son référent, {convention.referent}")
    return " ; ".join(noms) or "Aucun auteur ni référent connu"


def _en_attente(conventions: Iterable[Convention]) -> list[GroupeEnAttente]:
    par_statut: dict[str, list[Convention]] = defaultdict(list)
    for c in conventions:
        par_statut[c.statut].append(c)
    groupes = []
    for etape in ETAPES:
        lignes = [
            ConventionEnAttente(
                convention=c,
                qui=_qui_pour_un_brouillon(c) if statut == Statut.BROUILLON else "",
                url=_url(c, "conventions"),
            )
            for statut in etape.statuts
            for c in sorted(par_statut[statut], key=lambda c: (c.etudiant.nom, c.etudiant.prenom))
        ]
        groupes.append(GroupeEnAttente(etape, lignes))
    return groupes


def _ouverts(
    constats: Iterable[Constat], acquittes: set[str]
) -> tuple[list[Constat], list[Constat]]:
    constats = list(constats)
    bloquants = [k for k in constats if k.severite is Severite.BLOQUANT]
    avertissements = [
        k for k in constats if k.severite is Severite.AVERTISSEMENT and k.code not in acquittes
    ]
    return bloquants, avertissements


def _constats(
    evaluation: Evaluation,
    conventions: list[Convention],
    etudiants: dict[int, Etudiant],
    annee: int,
    projets: dict[int, list[Constat]],
) -> list[ConstatsOuverts]:
    """Open findings of the conventions in force (`evaluation`) and of those in preparation
    (`projets`, each judged alone), then of the students."""
    lignes = []
    for c in conventions:
        resultat = evaluation.conventions.get(str(c.pk))
        propres = resultat.constats if resultat is not None else projets.get(c.pk)
        if propres is None:
            continue
        acquittes = {a.code for a in c.acquittements.all()}
        bloquants, avertissements = _ouverts(propres, acquittes)
        if bloquants or avertissements:
            lignes.append(
                ConstatsOuverts(c.etudiant, c, bloquants, avertissements, _url(c, "constats"))
            )
    # The hosts' headcounts where a finding is about the quota, read together.
    quotas = [
        (ligne, min(p.debut for p in ligne.convention.periodes.all()))
        for ligne in lignes
        if ligne.convention is not None
        and ligne.convention.periodes.all()
        and any(k.code in CODES_EFFECTIF for k in (*ligne.bloquants, *ligne.avertissements))
    ]
    retenus = effectifs_retenus(
        [(ligne.convention.etablissement_accueil.organisme, debut) for ligne, debut in quotas]  # type: ignore[union-attr]
    )
    for (ligne, _), retenu in zip(quotas, retenus, strict=True):
        ligne.effectif = retenu
    # A warning about the student (programme progress) is acknowledged on one of their
    # conventions when it is validated: it counts as taken into account for the student.
    acquittes_par_etudiant: dict[int, set[str]] = defaultdict(set)
    for c in conventions:
        acquittes_par_etudiant[c.etudiant_id].update(a.code for a in c.acquittements.all())
    for pk, etudiant in etudiants.items():
        resultat_etudiant = evaluation.etudiants.get(str(pk))
        if resultat_etudiant is None:
            continue
        # The student's own findings of this school year (programme progress), or of none.
        du_moment = [
            k
            for k in resultat_etudiant.constats
            if k.chiffres.get("annee_scolaire") in (None, annee)
        ]
        bloquants, avertissements = _ouverts(du_moment, acquittes_par_etudiant[pk])
        if bloquants or avertissements:
            lignes.append(
                ConstatsOuverts(
                    etudiant, None, bloquants, avertissements, _url_etudiant(pk, "constats")
                )
            )
    return sorted(
        lignes, key=lambda ligne: (-len(ligne.bloquants), ligne.etudiant.nom, ligne.etudiant.prenom)
    )


def _programme(
    evaluation: Evaluation,
    etudiants: Iterable[Etudiant],
    promotion: Promotion,
    annee: int,
    a_venir: bool,
) -> list[LigneProgramme]:
    p = parametres()
    lignes = []
    for etudiant in etudiants:
        resultat = evaluation.etudiants.get(str(etudiant.pk))
        suivi = (
            resultat.progression
            if resultat is not None
            else progression(etudiant_pour_regles(etudiant), [], p=p)  # no stage yet: zeros
        )
        une = next((a for a in suivi.annees if a.annee_scolaire == annee), None)
        lignes.append(
            LigneProgramme(
                etudiant,
                une,
                promotion.objectif_jours_par_annee,
                a_venir=a_venir,
                formation_prevus=sum((a.prevus for a in suivi.annees), Decimal(0)),
                formation_objectif=promotion.objectif_jours_par_annee * promotion.nombre_annees,
            )
        )
    return lignes


def tableau_de_bord(
    *,
    promotion: Promotion,
    annee: int,
    aujourdhui: date,
    referent: Enseignant | None = None,
) -> TableauDeBord:
    """The dashboard of `promotion` in the school year starting in `annee`, as of
    `aujourdhui` (the next period is the first one not over on that day); with `referent`,
    of the students this teacher follows only."""
    debut, fin = bornes_annee_scolaire(annee)
    le = min(max(aujourdhui, debut), fin + timedelta(days=1))
    periodes = list(promotion.periodes.order_by("debut"))
    suivis = promotion.etudiants.filter(archive=False)
    if referent is not None:
        suivis = suivis.filter(referent=referent)
    etudiants = {
        e.pk: e for e in suivis.select_related("promotion", "referent").order_by("nom", "prenom")
    }
    conventions = _charger(promotion, referent)

    # One engine call: the cohort's conventions in force and their neighbours at the same hosts;
    # then each one in preparation of the school year, alone against them.
    en_vigueur = [c for c in conventions if c.statut in EN_VIGUEUR]
    projets = [c for c in conventions if c.statut in EN_PREPARATION]
    autour = voisines([*en_vigueur, *projets])
    evaluation = evaluer_conventions(en_vigueur, autour)

    # Each convention's periods once (every .all() of a prefetched relation builds a queryset).
    intervalles = {c.pk: [(p.debut, p.fin) for p in c.periodes.all()] for c in conventions}

    def touche(c: Convention, du: date, au: date) -> bool:
        return any(d <= au and f >= du for d, f in intervalles[c.pk])

    def couverts(periode: PeriodePromotion) -> set[int]:
        return {c.etudiant_id for c in conventions if touche(c, periode.debut, periode.fin)}

    a_venir = [p for p in periodes if p.fin >= le and p.debut <= fin]
    prochaine = a_venir[0] if a_venir else None
    sans = []
    if prochaine is not None:
        avec = couverts(prochaine)
        sans = [e for pk, e in etudiants.items() if pk not in avec]
    annee_formation = annee - promotion.annee_debut + 1
    dans_l_annee = [c for c in conventions if touche(c, debut, fin)]
    projets_de_l_annee = [c for c in dans_l_annee if c.statut in EN_PREPARATION]
    constats_projets = evaluer_projets(projets_de_l_annee, [*en_vigueur, *autour])
    # The year's periods not over on `le`: until the last one ends, a shortfall is « à venir ».
    de_l_annee = [p for p in periodes if debut <= p.fin and p.debut <= fin]
    derniere = max((p.fin for p in de_l_annee), default=fin)
    return TableauDeBord(
        promotion=promotion,
        annee_scolaire=annee,
        debut=debut,
        fin=fin,
        le=le,
        annee_formation=annee_formation
        if 1 <= annee_formation <= promotion.nombre_annees
        else None,
        prochaine_periode=prochaine,
        sans_convention=sans,
        en_attente=_en_attente(dans_l_annee),
        constats=_constats(
            evaluation,
            [c for c in dans_l_annee if c.statut in (*EN_VIGUEUR, *EN_PREPARATION)],
            etudiants,
            annee,
            constats_projets,
        ),
        programme=_programme(evaluation, etudiants.values(), promotion, annee, le <= derniere),
        periodes_a_venir=[
            PeriodeAVenir(p, len(couverts(p) & etudiants.keys()), len(etudiants), le)
            for p in a_venir
        ],
        etudiants=len(etudiants),
    )
