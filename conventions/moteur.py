"""The bridge from the database to the rules engine: a convention and everything the law
compares it with (its host's conventions, its student's, its tutor's, its post's), read in a
constant number of queries, then evaluated by `regles`."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Exists, Max, Min, OuterRef, Prefetch, Q, QuerySet

from conventions.models import Convention, ExceptionHoraire, PeriodeConvention, Pointage
from conventions.selectors import DETAILS
from conventions.workflow import EN_VIGUEUR
from organismes.models import EtablissementAccueil
from regles import modele
from regles.constats import Constat, Severite
from regles.evaluation import Evaluation, ResultatConvention, Situation, evaluer
from regles.parametres import ParametreNonEnVigueur, parametres
from regles.presence import annee_scolaire_du, rentree

# Stages further apart than this cannot meet in a quota week, a school year or a waiting period.
FENETRE = timedelta(days=400)


def avec_details(conventions: QuerySet[Convention]) -> QuerySet[Convention]:
    """What `vers_regles` and the screens read of a convention, in 2 queries whatever the
    count: its row with its student, host, tutor and référent, and its periods. The schedule
    exceptions and the presence log are read by `journaux` (rows, not model instances)."""
    return conventions.select_related(*DETAILS).prefetch_related(
        Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
    )


@dataclass(frozen=True)
class Journaux:
    """Schedule exceptions and presence log of some conventions, by convention id."""

    exceptions: Mapping[int, Mapping[date, int]]
    pointages: Mapping[int, Sequence[modele.Pointage]]


def journaux(pks: Iterable[int]) -> Journaux:
    """The schedule exceptions and the presence log of these conventions, in 2 queries.

    A cohort's logs are thousands of days: read as rows, they cost a tuple each instead of a
    model instance (and who typed them when is no business of the engine)."""
    pks = list(pks)
    exceptions: dict[int, dict[date, int]] = defaultdict(dict)
    pointages: dict[int, list[modele.Pointage]] = defaultdict(list)
    if pks:
        for convention, jour, minutes in ExceptionHoraire.objects.filter(
            convention_id__in=pks
        ).values_list("convention_id", "jour", "minutes"):
            exceptions[convention][jour] = minutes
        for convention, jour, presence, absence, minutes_absence in (
            Pointage.objects.filter(convention_id__in=pks)
            .order_by()
            .values_list("convention_id", "jour", "minutes_presence", "absence", "minutes_absence")
        ):
            pointages[convention].append(_pointage(jour, presence, absence, minutes_absence))
    return Journaux(exceptions, pointages)


def tous_vers_regles(conventions: Iterable[Convention], lus: Journaux) -> list[modele.Convention]:
    """The engine's view of these conventions (loaded by `avec_details`) with the journals
    `lus` holds for them (none for the others: compared by their periods only)."""
    return [
        vers_regles(
            c, exceptions=lus.exceptions.get(c.pk, {}), pointages=lus.pointages.get(c.pk, ())
        )
        for c in conventions
    ]


# The id of a convention not saved yet; it shows in the engine's sentences.
BROUILLON = "en préparation"


def _pointage(jour: date, presence: int, absence: str, minutes_absence: int) -> modele.Pointage:
    return modele.Pointage(
        jour, presence, modele.TypeAbsence(absence) if absence else None, minutes_absence
    )


def vers_regles(
    c: Convention,
    *,
    ident: str | None = None,
    periodes: Sequence[modele.Periode] | None = None,
    exceptions: Mapping[date, int] | None = None,
    pointages: Sequence[modele.Pointage] | None = None,
) -> modele.Convention:
    """The engine's view of a convention (its periods, exceptions and log prefetched), or of
    a draft not saved, whose id, periods, exceptions and log are given."""
    if periodes is None:
        periodes = [modele.Periode(p.debut, p.fin, p.prolongation) for p in c.periodes.all()]
    if exceptions is None:
        exceptions = {e.jour: e.minutes for e in c.exceptions.all()}
    if pointages is None:
        pointages = [
            _pointage(p.jour, p.minutes_presence, p.absence, p.minutes_absence)
            for p in c.pointages.all()
        ]
    contenus = {k: str(v) for k, v in (c.contenus or {}).items() if v}
    if c.referent_id and c.tuteur_id and "encadrants" not in contenus:
        contenus["encadrants"] = f"Référent : {c.referent} ; tuteur : {c.tuteur}"
    formation = c.etudiant.promotion.formation
    if "formation" not in contenus and getattr(formation, "volume_horaire_annuel", None):
        contenus["formation"] = f"{formation}, {formation.volume_horaire_annuel} h par an"
    rupture = (
        modele.Rupture(c.rupture_dernier_jour, modele.Initiative(c.rupture_initiative))
        if c.rupture_dernier_jour and c.rupture_initiative
        else None
    )
    return modele.Convention(
        id=ident or str(c.pk),
        etudiant=str(c.etudiant_id),
        siren=c.etablissement_accueil.organisme.siren,
        periodes=tuple(periodes),
        horaire=c.horaire,
        date_signature=c.date_signature,
        tuteur=str(c.tuteur_id) if c.tuteur_id else None,
        date_effet_tuteur=c.date_effet_tuteur,
        poste=c.poste or None,
        exceptions=exceptions,
        pointages=tuple(pointages),
        gratification=modele.Gratification(
            modele.ModeGratification(c.gratification_mode),
            Decimal(c.gratification_montant),
            modele.Methode(c.gratification_methode),
        ),
        rupture=rupture,
        travail_nuit=c.travail_nuit,
        travail_dimanche=c.travail_dimanche,
        travail_feries=c.travail_feries,
        contenus=contenus,
    )


def _etudiant(c: Convention) -> modele.Etudiant:
    return modele.Etudiant(
        id=str(c.etudiant_id),
        date_naissance=c.etudiant.date_naissance,
        debut_formation=rentree(c.etudiant.promotion.annee_debut, parametres()),
    )


def voisines(
    *,
    organisme_id: int,
    etudiant_id: int,
    tuteur_id: int | None,
    debut: date,
    fin: date,
    sauf: int | None = None,
) -> list[int]:
    """Ids of the conventions in force that the law compares with a convention of this
    student at this host with this tutor, from `debut` to `fin`: same host legal entity,
    same student or same tutor, with a period within the window.

    One UNION of a query per link, each on an indexed column of the convention table (an OR
    of them lets SQLite's planner pick the status index and scan the whole académie), the
    window as an EXISTS rather than a join + DISTINCT."""
    dans_la_fenetre = PeriodeConvention.objects.filter(
        convention=OuterRef("pk"), debut__lte=fin + FENETRE, fin__gte=debut - FENETRE
    )
    en_vigueur = (
        Convention.objects.filter(statut__in=EN_VIGUEUR)
        .filter(Exists(dans_la_fenetre))
        .exclude(pk=sauf or 0)
        .order_by()
    )
    # The host's sites as a list of values: as a subquery, SQLite's planner (without
    # statistics) scans the status index instead of the site index.
    sites = list(
        EtablissementAccueil.objects.filter(organisme_id=organisme_id)
        .order_by()
        .values_list("pk", flat=True)
    )
    liens = [Q(etablissement_accueil_id__in=sites), Q(etudiant_id=etudiant_id)]
    if tuteur_id:
        liens.append(Q(tuteur_id=tuteur_id))
    requetes = [en_vigueur.filter(lien).values_list("pk", flat=True) for lien in liens]
    return list(requetes[0].union(*requetes[1:]))


@dataclass
class Verdict:
    evaluation: Evaluation
    resultat: ResultatConvention
    constats: list[Constat]  # the convention's own findings and its student's

    @property
    def bloquants(self) -> list[Constat]:
        return [k for k in self.constats if k.severite is Severite.BLOQUANT]

    @property
    def avertissements(self) -> list[Constat]:
        return [k for k in self.constats if k.severite is Severite.AVERTISSEMENT]


def evaluer_convention(convention: Convention) -> Verdict:
    """Evaluate `convention` (whatever its status, a draft included) against the others, in
    a constant number of queries: its links and dates, the ids of its neighbours, then all
    of them with their details, then their hosts."""
    cle = (
        Convention.objects.filter(pk=convention.pk)
        .values("etudiant_id", "tuteur_id", "etablissement_accueil__organisme_id")
        .annotate(premier=Min("periodes__debut"), dernier=Max("periodes__fin"))
        .get()
    )
    if cle["premier"] is None:
        raise ValueError("La convention n'a aucune période : rien à évaluer.")
    autres = voisines(
        organisme_id=cle["etablissement_accueil__organisme_id"],
        etudiant_id=cle["etudiant_id"],
        tuteur_id=cle["tuteur_id"],
        debut=cle["premier"],
        fin=cle["dernier"],
        sauf=convention.pk,
    )
    toutes = list(avec_details(Convention.objects.filter(pk__in=[convention.pk, *autres])))
    lus = journaux(x.pk for x in toutes)
    return _juger(str(convention.pk), tous_vers_regles(toutes, lus), toutes)


def evaluer_brouillon(brouillon: Convention, *, periodes: Sequence[modele.Periode]) -> Verdict:
    """Evaluate a convention as its form stands, before anything is saved.

    `brouillon` is an unsaved instance carrying the form's fields (student, host site,
    tutor, référent… loaded with their promotion, formation and organisme to spare queries);
    it has the pk of the convention being edited, if any, whose saved schedule exceptions
    and presence log then count too. `periodes` are the form's periods. The neighbours, the
    engine and the constant number of queries are those of `evaluer_convention`."""
    if not periodes:
        raise ValueError("Le brouillon n'a aucune période : rien à évaluer.")
    autres = voisines(
        organisme_id=brouillon.etablissement_accueil.organisme_id,
        etudiant_id=brouillon.etudiant_id,
        tuteur_id=brouillon.tuteur_id,
        debut=min(p.debut for p in periodes),
        fin=max(p.fin for p in periodes),
        sauf=brouillon.pk,
    )
    voisins = list(avec_details(Convention.objects.filter(pk__in=autres)))
    lus = journaux([brouillon.pk, *autres] if brouillon.pk is not None else autres)
    projet = vers_regles(
        brouillon,
        ident=str(brouillon.pk) if brouillon.pk else BROUILLON,
        periodes=periodes,
        exceptions=lus.exceptions.get(brouillon.pk, {}) if brouillon.pk else {},
        pointages=lus.pointages.get(brouillon.pk, ()) if brouillon.pk else (),
    )
    return _juger(projet.id, [projet, *tous_vers_regles(voisins, lus)], [brouillon, *voisins])


def situation(conventions: list[modele.Convention], toutes: Sequence[Convention]) -> Situation:
    """What the engine evaluates: `conventions` (read from `toutes`) with their hosts and
    students (one query for the hosts' counts)."""
    from organismes.selectors import organismes_pour_regles

    organismes = organismes_pour_regles({x.etablissement_accueil.organisme for x in toutes})
    return Situation(
        conventions=conventions,
        organismes={o.siren: o for o in organismes},
        etudiants={str(x.etudiant_id): _etudiant(x) for x in toutes},
    )


def _juger(
    ident: str, conventions: list[modele.Convention], toutes: Sequence[Convention]
) -> Verdict:
    """Evaluate `conventions` (read from `toutes`, whose hosts and students the engine also
    needs) and keep the verdict on convention `ident`."""
    evaluation = evaluer(situation(conventions, toutes))
    resultat = evaluation.conventions[ident]
    return Verdict(
        evaluation=evaluation, resultat=resultat, constats=constats_de(evaluation, ident)
    )


def constats_de(evaluation: Evaluation, ident: str) -> list[Constat]:
    """The findings of convention `ident` in `evaluation`: its own, and its student's of the
    school years it falls in (or of none): a shortfall of another year is that year's
    business, not this convention's."""
    resultat = evaluation.conventions[ident]
    etudiant = resultat.convention.etudiant
    annees = {
        _annee_scolaire(jour) for p in resultat.convention.periodes for jour in (p.debut, p.fin)
    }
    # A student whose only convention falls before the law Stages knows has no result.
    du_etudiant = evaluation.etudiants.get(etudiant)
    return list(resultat.constats) + [
        k
        for k in (du_etudiant.constats if du_etudiant else ())
        if k.chiffres.get("annee_scolaire") in (None, *annees)
    ]


def _annee_scolaire(jour: date) -> int | None:
    """The school year of `jour`, or None before the setting that starts it (the engine then
    says the rule is not applicable to that date)."""
    try:
        return annee_scolaire_du(jour, parametres())
    except ParametreNonEnVigueur:
        return None
