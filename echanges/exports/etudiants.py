"""Every field of the students: one row per student, promotion, référent and account inlined."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.http import QueryDict

from echanges.exports.tableur import Champ
from etablissement.models import Etudiant
from etablissement.validators import normaliser_code


def etudiants_a_exporter(filtres: QueryDict) -> QuerySet[Etudiant]:
    """The students the list shows for the same query string: promotion and referent (pks,
    or referent=aucun), classe, archive (empty: without the archived; oui; tous), q (every
    word in the name, first name or e-mail; a code with digits in the INE). An unknown value
    filters nothing, as on the list."""
    qs: QuerySet[Etudiant] = Etudiant.objects.select_related(
        "promotion", "referent", "utilisateur"
    ).annotate(nombre_conventions=Count("conventions"))
    if (promotion := _entier(filtres, "promotion")) is not None:
        qs = qs.filter(promotion_id=promotion)
    if classe := filtres.get("classe", ""):
        qs = qs.filter(classe=classe)
    referent = filtres.get("referent", "")
    if referent == "aucun":
        qs = qs.filter(referent__isnull=True)
    elif referent.isdigit():
        qs = qs.filter(referent_id=int(referent))
    archive = filtres.get("archive", "")
    if archive == "oui":
        qs = qs.filter(archive=True)
    elif archive != "tous":
        qs = qs.filter(archive=False)
    recherche = filtres.get("q", "").strip()
    code = normaliser_code(recherche)
    if len(code) >= 4 and any(c.isdigit() for c in code):
        qs = qs.filter(Q(ine__icontains=code) | Q(email__icontains=recherche))
    else:
        for mot in recherche.split():
            qs = qs.filter(
                Q(nom__icontains=mot) | Q(prenom__icontains=mot) | Q(email__icontains=mot)
            )
    return qs.order_by("promotion__annee_debut", "nom", "prenom", "pk")


def _entier(filtres: QueryDict, cle: str) -> int | None:
    valeur = filtres.get(cle, "")
    return int(valeur) if valeur.isdigit() else None


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
