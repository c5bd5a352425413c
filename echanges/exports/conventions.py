"""Every field of the conventions, flattened: one row per convention, related records inlined
(student, host, site, tutor, référent, periods, schedule, gratification, missions, clauses)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from django.db.models import Count, QuerySet
from django.http import QueryDict

from conventions.models import Convention, Statut
from conventions.selectors import conventions_filtrer, conventions_rechercher
from conventions.workflow import ACTEURS
from core.listes import identifiant
from echanges.exports.tableur import Champ, Valeur
from regles.contenus import CONTENUS, DERIVES
from regles.modele import SEMAINE

# One query per relation, whatever the number of rows (and per chunk of the iterator).
_LIES = ("etudiant__promotion", "etablissement_accueil__organisme", "tuteur", "referent")
_PREFETCH = ("periodes", "missions", "competences")


def conventions_a_exporter(filtres: QueryDict) -> QuerySet[Convention]:
    """The conventions the list shows for the same query string (q, statut, promotion,
    referent, attente), through the list's own selectors; an unknown value filters nothing,
    as on the list."""
    qs = conventions_filtrer(
        Convention.objects.select_related(*_LIES)
        .prefetch_related(*_PREFETCH)
        .annotate(nombre_avenants=Count("avenants")),
        statut=_choix(filtres, "statut", Statut.values),
        promotion=_entier(filtres, "promotion"),
        referent=_entier(filtres, "referent"),
        attente=_choix(filtres, "attente", list(ACTEURS)),
    )
    recherche = filtres.get("q", "").strip()
    if recherche:
        qs = conventions_rechercher(qs, recherche)
    return qs.order_by("etudiant__nom", "etudiant__prenom", "pk")


def _choix(filtres: QueryDict, cle: str, permis: list[str]) -> str:
    valeur = filtres.get(cle, "")
    return valeur if valeur in permis else ""


def _entier(filtres: QueryDict, cle: str) -> int | None:
    return identifiant(filtres.get(cle, ""))


def _heures(minutes: int) -> Decimal:
    return (Decimal(minutes) / 60).quantize(Decimal("0.01")).normalize()


def _heures_du(jour: str) -> Callable[[Convention], Valeur]:
    return lambda c: _heures(getattr(c, f"minutes_{jour}"))


def _clause(code: str) -> Callable[[Convention], Valeur]:
    return lambda c: str(c.contenus.get(code, ""))


def _periodes(c: Convention) -> str:
    return " ; ".join(
        f"du {p.debut:%d/%m/%Y} au {p.fin:%d/%m/%Y}" + (" (prolongation)" if p.prolongation else "")
        for p in c.periodes.all()  # ordered by start (Meta), from the prefetch
    )


CHAMPS: tuple[Champ[Convention], ...] = (
    Champ("N°", lambda c: c.pk),
    Champ("Statut", lambda c: c.get_statut_display()),
    Champ("Créée le", lambda c: c.cree_le),
    Champ("Modifiée le", lambda c: c.modifie_le),
    Champ("Date de signature", lambda c: c.date_signature),
    Champ("Étudiant : nom", lambda c: c.etudiant.nom),
    Champ("Étudiant : prénom", lambda c: c.etudiant.prenom),
    Champ("INE", lambda c: c.etudiant.ine),
    Champ("Date de naissance", lambda c: c.etudiant.date_naissance),
    Champ("Promotion", lambda c: c.etudiant.promotion.libelle),
    Champ("Classe", lambda c: c.etudiant.classe),
    Champ("E-mail de l'étudiant", lambda c: c.etudiant.email),
    Champ("SIREN", lambda c: c.etablissement_accueil.organisme.siren),
    Champ("Raison sociale", lambda c: c.etablissement_accueil.organisme.raison_sociale),
    Champ("NAF", lambda c: c.etablissement_accueil.organisme.naf),
    Champ("SIRET", lambda c: c.etablissement_accueil.siret),
    Champ("Enseigne", lambda c: c.etablissement_accueil.enseigne),
    Champ("Adresse du lieu de stage", lambda c: c.etablissement_accueil.adresse),
    Champ("Code postal", lambda c: c.etablissement_accueil.code_postal),
    Champ("Ville", lambda c: c.etablissement_accueil.ville),
    Champ("Tuteur : nom", lambda c: c.tuteur.nom if c.tuteur else ""),
    Champ("Tuteur : prénom", lambda c: c.tuteur.prenom if c.tuteur else ""),
    Champ("Tuteur : fonction", lambda c: c.tuteur.fonction if c.tuteur else ""),
    Champ("Tuteur : e-mail", lambda c: c.tuteur.email if c.tuteur else ""),
    Champ("Tuteur : téléphone", lambda c: c.tuteur.telephone if c.tuteur else ""),
    Champ("Tuteur désigné à compter du", lambda c: c.date_effet_tuteur),
    Champ("Référent : nom", lambda c: c.referent.nom if c.referent else ""),
    Champ("Référent : prénom", lambda c: c.referent.prenom if c.referent else ""),
    Champ("Référent : e-mail", lambda c: c.referent.email if c.referent else ""),
    Champ("Poste", lambda c: c.poste),
    Champ("Début", lambda c: min((p.debut for p in c.periodes.all()), default=None)),
    Champ("Fin", lambda c: max((p.fin for p in c.periodes.all()), default=None)),
    Champ("Périodes", _periodes),
    *(Champ(f"Heures le {jour}", _heures_du(jour)) for jour in SEMAINE),
    Champ("Heures par semaine", lambda c: _heures(sum(c.horaire))),
    Champ("Présence de nuit", lambda c: c.travail_nuit),
    Champ("Présence le dimanche", lambda c: c.travail_dimanche),
    Champ("Présence les jours fériés", lambda c: c.travail_feries),
    Champ("Gratification", lambda c: c.get_gratification_mode_display()),
    Champ("Montant de la gratification (€)", lambda c: c.gratification_montant),
    Champ("Versement de la gratification", lambda c: c.get_gratification_methode_display()),
    Champ("Missions", lambda c: ", ".join(sorted(m.code for m in c.missions.all()))),
    Champ("Compétences", lambda c: ", ".join(sorted(k.code for k in c.competences.all()))),
    Champ("Objectifs et activités libres", lambda c: c.objectifs),
    # The clauses typed in (the other items of D124-4 are the columns above).
    *(
        Champ(f"Clause {contenu.numero}° : {contenu.libelle}", _clause(contenu.code))
        for contenu in CONTENUS
        if contenu.code not in DERIVES
    ),
    Champ("Fin anticipée : dernier jour", lambda c: c.rupture_dernier_jour),
    Champ("Fin anticipée : à l'initiative de", lambda c: c.get_rupture_initiative_display()),
    Champ("Avenants", lambda c: c.nombre_avenants),  # type: ignore[attr-defined]
)
