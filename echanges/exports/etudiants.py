"""Every field of the students: one row per student, promotion, référent and account inlined."""

from __future__ import annotations

from django.db.models import Count, QuerySet
from django.http import QueryDict
from django.utils import timezone

from core.listes import identifiant
from echanges.exports.tableur import Champ
from etablissement.models import Etudiant
from etablissement.selectors import filtrer_etudiants, rechercher_etudiants


def etudiants_a_exporter(filtres: QueryDict) -> QuerySet[Etudiant]:
    """The students the list shows for the same query string (q, promotion, classe,
    referent, mineur, archive), through the list's own search and filters; an unknown value
    filters nothing, as on the list."""
    lus: dict[str, object] = {
        "promotion": _entier(filtres, "promotion"),
        "classe": filtres.get("classe", ""),
        "referent": filtres.get("referent", "") if _referent_valide(filtres) else "",
        "mineur": _choix(filtres, "mineur", ("oui", "non")),
        "archive": _choix(filtres, "archive", ("oui", "tous")),
    }
    qs: QuerySet[Etudiant] = Etudiant.objects.select_related(
        "promotion", "referent", "utilisateur"
    ).annotate(nombre_conventions=Count("conventions"))
    # "Minor" is said of today, as on the list.
    qs = filtrer_etudiants(qs, lus, le=timezone.localdate())
    recherche = filtres.get("q", "").strip()
    if recherche:
        qs = rechercher_etudiants(qs, recherche)
    return qs.order_by("promotion__annee_debut", "nom", "prenom", "pk")


def _choix(filtres: QueryDict, cle: str, permis: tuple[str, ...]) -> str:
    valeur = filtres.get(cle, "")
    return valeur if valeur in permis else ""


def _entier(filtres: QueryDict, cle: str) -> int | None:
    return identifiant(filtres.get(cle, ""))


def _referent_valide(filtres: QueryDict) -> bool:
    valeur = filtres.get("referent", "")
    return valeur == "aucun" or identifiant(valeur) is not None


CHAMPS: tuple[Champ[Etudiant], ...] = (
    Champ("Nom", lambda e: e.nom),
    Champ("Prénom", lambda e: e.prenom),
    Champ("INE", lambda e: e.ine),
    Champ("Date de naissance", lambda e: e.date_naissance),
    Champ("Promotion", lambda e: e.promotion.libelle),
    Champ("Classe", lambda e: e.classe),
    Champ("E-mail", lambda e: e.email),
    Champ("Téléphone", lambda e: e.telephone),
    Champ("Représentant légal", lambda e: e.representant_legal_nom),
    Champ("E-mail du représentant légal", lambda e: e.representant_legal_email),
    Champ("Téléphone du représentant légal", lambda e: e.representant_legal_telephone),
    Champ("Référent : nom", lambda e: e.referent.nom if e.referent else ""),
    Champ("Référent : prénom", lambda e: e.referent.prenom if e.referent else ""),
    Champ("Référent : e-mail", lambda e: e.referent.email if e.referent else ""),
    Champ("Compte", lambda e: e.utilisateur.email if e.utilisateur else ""),
    Champ("Archivé", lambda e: e.archive),
    Champ("Conventions", lambda e: e.nombre_conventions),  # type: ignore[attr-defined]
)
