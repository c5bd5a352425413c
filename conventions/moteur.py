"""The bridge from the database to the rules engine: a convention and everything the law
compares it with (its host's conventions, its student's, its tutor's, its post's), read in a
constant number of queries, then evaluated by `regles`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Prefetch, Q, QuerySet

from conventions.models import STATUTS_EN_VIGUEUR, Convention, PeriodeConvention
from regles import modele
from regles.constats import Constat, Severite
from regles.evaluation import Evaluation, ResultatConvention, Situation, evaluer
from regles.parametres import parametres
from regles.presence import debut_annee_scolaire

# Stages further apart than this cannot meet in a quota week, a school year or a waiting period.
FENETRE = timedelta(days=400)


def _avec_details(qs: QuerySet[Convention]) -> QuerySet[Convention]:
    return qs.select_related(
        "etudiant__promotion__formation",
        "etablissement_accueil__organisme",
        "tuteur",
        "referent",
    ).prefetch_related(
        Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
        "exceptions",
        "pointages",
    )


def vers_regles(c: Convention) -> modele.Convention:
    """The engine's view of a convention (its periods, exceptions and log prefetched)."""
    periodes = tuple(modele.Periode(p.debut, p.fin, p.prolongation) for p in c.periodes.all())
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
        id=str(c.pk),
        etudiant=str(c.etudiant_id),
        siren=c.etablissement_accueil.organisme.siren,
        periodes=periodes,
        horaire=c.horaire,
        date_signature=c.date_signature,
        tuteur=str(c.tuteur_id) if c.tuteur_id else None,
        date_effet_tuteur=c.date_effet_tuteur,
        poste=c.poste or None,
        exceptions={e.jour: e.minutes for e in c.exceptions.all()},
        pointages=tuple(
            modele.Pointage(
                p.jour,
                p.minutes_presence,
                modele.TypeAbsence(p.absence) if p.absence else None,
                p.minutes_absence,
            )
            for p in c.pointages.all()
        ),
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
    annee = c.etudiant.promotion.annee_debut
    debut_mm_jj = parametres().texte("reglages.annee_scolaire_debut", date(annee, 12, 31))
    return modele.Etudiant(
        id=str(c.etudiant_id),
        date_naissance=c.etudiant.date_naissance,
        debut_formation=debut_annee_scolaire(annee, debut_mm_jj=debut_mm_jj),
    )


def _voisines(c: Convention, debut: date, fin: date) -> QuerySet[Convention]:
    """Conventions in force that the law compares with `c`: same host legal entity, same
    student or same tutor, with a period within the window around `c`'s periods."""
    lien = Q(etablissement_accueil__organisme_id=c.etablissement_accueil.organisme_id) | Q(
        etudiant_id=c.etudiant_id
    )
    if c.tuteur_id:
        lien |= Q(tuteur_id=c.tuteur_id)
    return (
        Convention.objects.filter(lien, statut__in=STATUTS_EN_VIGUEUR)
        .filter(periodes__debut__lte=fin + FENETRE, periodes__fin__gte=debut - FENETRE)
        .exclude(pk=c.pk)
        .distinct()
    )


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
    """Evaluate `convention` (whatever its status, a draft included) against the others."""
    from organismes.selectors import organismes_pour_regles

    c = _avec_details(Convention.objects.filter(pk=convention.pk)).get()
    periodes = list(c.periodes.all())
    if not periodes:
        raise ValueError("La convention n'a aucune période : rien à évaluer.")
    debut, fin = min(p.debut for p in periodes), max(p.fin for p in periodes)
    autres = list(_avec_details(_voisines(c, debut, fin)))
    toutes = [c, *autres]
    organismes = organismes_pour_regles({x.etablissement_accueil.organisme for x in toutes})
    situation = Situation(
        conventions=[vers_regles(x) for x in toutes],
        organismes={o.siren: o for o in organismes},
        etudiants={str(x.etudiant_id): _etudiant(x) for x in toutes},
    )
    evaluation = evaluer(situation)
    resultat = evaluation.conventions[str(c.pk)]
    propres = list(resultat.constats) + list(evaluation.etudiants[str(c.etudiant_id)].constats)
    return Verdict(evaluation=evaluation, resultat=resultat, constats=propres)
