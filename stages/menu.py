"""The main menu of the header, as data: add a section here, not in the templates.

It lives in the project, above every app: it names each app's screens and asks `comptes` who
may open them (the dependency rule, ARCHITECTURE.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse

from comptes.acces import PERSONNEL, peut_acceder
from comptes.models import Role


@dataclass(frozen=True)
class Rubrique:
    libelle: str
    url_name: str
    roles: frozenset[Role] = PERSONNEL
    reglage: str = ""  # the name of a setting that must be on for the entry to show
    groupe: str = ""  # the drop-down of the header it sits in (none: a link of its own)


CONVENTIONS = "Conventions"
ENTREPRISES = "Entreprises"
SECTION = "La section"

RUBRIQUES = (
    Rubrique("Tableau de bord", "pilotage:tableau_de_bord"),
    Rubrique("Étudiants", "etablissement:etudiants"),
    # The exam fiches a référent reviews (examens/): their students', every one for an admin.
    Rubrique("Fiches d'examen", "examens:fiches_a_relire"),
    Rubrique("Organismes", "organismes:liste"),
    Rubrique("Toutes les conventions", "conventions:liste", groupe=CONVENTIONS),
    # The weeks of presence nobody recorded yet, per convention.
    Rubrique("Présence à confirmer", "pilotage:presence", groupe=CONVENTIONS),
    # The head of school's pile of documents to sign, and the button that sends them its link.
    Rubrique(
        "Signatures du chef d'établissement",
        "espaces:chef",
        frozenset({Role.ADMINISTRATEUR}),
        groupe=CONVENTIONS,
    ),
    # The student's own page (their conventions, days, documents), then the accepted offers.
    Rubrique("Mon stage", "etablissement:mon_stage", roles=frozenset({Role.ETUDIANT})),
    Rubrique("Propositions de stage", "public:propositions", groupe=ENTREPRISES),
    # The prospect list, its history of contacts, and the campaigns mailed to companies.
    Rubrique("Prospection", "prospection:liste", groupe=ENTREPRISES),
    Rubrique("Campagnes de prospection", "prospection:campagnes", groupe=ENTREPRISES),
    # The offers companies proposed and the staff accepted: for the students and the staff.
    Rubrique("Offres de stage", "public:offres", roles=frozenset(Role), groupe=ENTREPRISES),
    # The students' search (candidatures/): each coming period's counters, the référent's list.
    Rubrique("Recherche de stage des étudiants", "candidatures:tableau", groupe=ENTREPRISES),
    Rubrique("Imports et exports", "echanges:accueil", groupe=SECTION),
    # The figures of a school year, another beside it: charts, tables, CSV/XLSX (issue 15).
    Rubrique("Chiffres de la section", "pilotage:chiffres", groupe=SECTION),
    # The readiness of the exam dossiers (E4/E6) per cohort, against the session's deadline.
    Rubrique("Dossiers d'examen", "examens:preparation_sessions", groupe=SECTION),
    Rubrique("Le droit en vigueur", "droit", groupe=SECTION),
    # The section's wording: the printed general conditions, the clauses' starting texts.
    Rubrique(
        "Modèles de documents",
        "documents:modeles",
        frozenset({Role.ADMINISTRATEUR}),
        groupe=SECTION,
    ),
    Rubrique(
        "Textes par défaut des clauses",
        "conventions:clauses",
        frozenset({Role.ADMINISTRATEUR}),
        groupe=SECTION,
    ),
    # The evaluation forms (evaluations/): versions, the section's questions, its settings.
    Rubrique(
        "Formulaires d'évaluation",
        "evaluations:questionnaires",
        frozenset({Role.ADMINISTRATEUR}),
        groupe=SECTION,
    ),
    # The exam dossiers' packs for the commission and its read-only links (examens/).
    Rubrique("Dossiers pour la commission", "examens:packs_sessions", groupe=SECTION),
    # Every e-mail sent, kept in the demo: where its signature and follow-up links are read.
    # The member of staff's personal keys to the REST API (api/): create, list, revoke.
    Rubrique("Jetons d'API", "jetons_api:jetons", groupe=SECTION),
    Rubrique(
        "Courriels envoyés",
        "courriels",
        frozenset({Role.ADMINISTRATEUR}),
        reglage="COURRIELS_LISIBLES",
        groupe=SECTION,
    ),
)


@dataclass(frozen=True)
class Lien:
    libelle: str
    url: str
    actif: bool
    # A drop-down of the header: its links (then `url` is empty), active if one of them is.
    sous: tuple[Lien, ...] = ()


def liens_du_menu(request: HttpRequest) -> list[Lien]:
    """The sections this user may open, skipping the screens not built yet."""
    liens = []
    for rubrique in RUBRIQUES:
        if not peut_acceder(request.user, rubrique.roles):
            continue
        if rubrique.reglage and not getattr(settings, rubrique.reglage):
            continue
        try:
            url = reverse(rubrique.url_name)
        except NoReverseMatch:
            continue  # its app has no such page yet: the menu grows as the screens arrive
        actif = request.path == url if url == "/" else request.path.startswith(url)
        liens.append(Lien(rubrique.libelle, url, actif))
    # One entry is the current page: the longest prefix (the clauses' texts, not the list
    # of conventions whose URL starts theirs).
    actifs = [lien for lien in liens if lien.actif]
    if len(actifs) > 1:
        garde = max(actifs, key=lambda lien: len(lien.url))
        liens = [Lien(x.libelle, x.url, x is garde) for x in liens]
    return _grouper(liens)


def _grouper(liens: list[Lien]) -> list[Lien]:
    """The links of one `groupe` gathered into a drop-down where the first of them stood; a
    group left with one link for this user (a student's offers) stays a plain link."""
    groupe_de = {r.libelle: r.groupe for r in RUBRIQUES}
    membres: dict[str, list[Lien]] = {}
    for lien in liens:
        if groupe_de.get(lien.libelle):
            membres.setdefault(groupe_de[lien.libelle], []).append(lien)
    entrees: list[Lien] = []
    for lien in liens:
        groupe = groupe_de.get(lien.libelle, "")
        if not groupe or len(membres[groupe]) == 1:
            entrees.append(lien)
        elif lien is membres[groupe][0]:
            sous = tuple(membres[groupe])
            entrees.append(Lien(groupe, "", any(x.actif for x in sous), sous))
    return entrees
