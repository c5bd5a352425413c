"""Reads for the convention screens: the list's rows and one convention with what its page
shows, each in a constant number of queries."""

from __future__ import annotations

from django.db.models import Prefetch, Q, QuerySet

from conventions.models import (
    Avenant,
    Convention,
    EvenementConvention,
    PeriodeConvention,
    Pointage,
)
from conventions.workflow import statuts_en_attente_de
from core.recherche import normaliser
from etablissement.models import Etudiant
from organismes.models import EtablissementAccueil
from referentiel.models import Competence, Mission

# A convention's details, joined to its row: the student (cohort, training, référent), the
# host and its organisation, the tutor and the référent; one set for every reader.
DETAILS = (
    "etudiant__promotion__formation",
    "etudiant__referent",
    "etablissement_accueil__organisme",
    "tuteur",
    "referent",
)


def conventions_pour_liste() -> QuerySet[Convention]:
    """Every convention with what a row shows: student, host, référent, first and last day."""
    return Convention.objects.select_related(
        "etudiant__promotion",
        "etudiant__referent",
        "etablissement_accueil__organisme",
        "referent",
    )


def conventions_filtrer(
    conventions: QuerySet[Convention],
    *,
    statut: str = "",
    promotion: int | None = None,
    referent: int | None = None,
    attente: str = "",
) -> QuerySet[Convention]:
    if statut:
        conventions = conventions.filter(statut=statut)
    if promotion:
        conventions = conventions.filter(etudiant__promotion_id=promotion)
    if referent:
        conventions = conventions.filter(referent_id=referent)
    if attente:
        conventions = conventions.filter(statut__in=statuts_en_attente_de(attente))
    return conventions


def conventions_rechercher(conventions: QuerySet[Convention], texte: str) -> QuerySet[Convention]:
    """Every word must be found in the student's name, the host's name or sign, or start
    the host's SIREN or SIRET: "martin aquitaine" finds Lucas Martin at Aquitaine Distribution.

    Each word is looked for in the students and the hosts' sites (small tables), then the
    conventions are reached through their indexed keys, one UNION a word: an OR of the two
    keys read every convention (150 ms at an académie's scale)."""
    for mot in texte.split():
        # Names are compared lowercase and without accents: "ines" finds Inès.
        forme = normaliser(mot)
        etudiants = Etudiant.objects.filter(recherche__contains=forme)
        sites = EtablissementAccueil.objects.filter(
            Q(organisme__recherche__contains=forme)
            | Q(recherche__contains=forme)
            | Q(organisme__siren__startswith=mot)
            | Q(siret__startswith=mot)
        )
        par_etudiant = Convention.objects.filter(etudiant__in=etudiants.values("pk"))
        par_site = Convention.objects.filter(etablissement_accueil__in=sites.values("pk"))
        trouvees = par_etudiant.order_by().values("pk").union(par_site.order_by().values("pk"))
        conventions = conventions.filter(pk__in=trouvees)
    return conventions


def convention_detaillee(pk: int) -> QuerySet[Convention]:
    """One convention (filter it with `.get()`) with everything its page shows."""
    return (
        Convention.objects.filter(pk=pk)
        .select_related(*DETAILS)
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
            Prefetch(
                "missions",
                queryset=Mission.objects.select_related("famille").order_by(
                    "famille__ordre", "famille__code", "ordre", "code"
                ),
            ),
            Prefetch(
                "competences",
                queryset=Competence.objects.select_related("bloc").order_by("bloc__code", "code"),
            ),
            Prefetch(
                "evenements",
                queryset=EvenementConvention.objects.select_related("auteur").order_by(
                    "horodatage", "pk"
                ),
            ),
            Prefetch(
                "avenants", queryset=Avenant.objects.select_related("auteur").order_by("numero")
            ),
            "acquittements__auteur",
        )
    )


def convention_pour_presence(pk: int) -> QuerySet[Convention]:
    """One convention with what the engine's view of it needs (`moteur.vers_regles`)."""
    return (
        Convention.objects.filter(pk=pk)
        .select_related(*DETAILS)
        .prefetch_related(
            Prefetch("periodes", queryset=PeriodeConvention.objects.order_by("debut")),
            "exceptions",
            Prefetch("pointages", queryset=Pointage.objects.select_related("saisi_par")),
        )
    )
