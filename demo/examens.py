"""The demo's exam dossiers, written through examens' services on the days of the story.

- Session 2026 (cohort 2024-2026, deadline Friday 3 April 2026, long past on the story's
  day): every candidate wrote the five fiches, drew them from their stages, had them reviewed
  « conforme » (the E4 ones with their offer annex, a real PDF); the four complete dossiers
  were deposited on 31 March or 1 April and stand « conforme ». Élodie (77 days of 80) and
  Dylan (an attestation that never came) deposited theirs too: non conformes for their stage,
  not their fiches. Morgane deposited hers with an E6 fiche still « à corriger », Samir never
  deposited his, an E6 fiche unreviewed: both non conformes.
- Session 2027 (cohort 2025-2027, deadline Friday 2 April 2027): Camille, Nathan and Clara
  have four fiches « conforme » and one waiting for their référent (nearly ready: what is left
  to come, the stages under way, does not count against them); Maxime and Anaïs have begun,
  two drafts each; the others have not started.

Nothing is dated after the story's day (demo/calendrier.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta
from functools import cache

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.html import escape

from conventions.models import Convention
from conventions.workflow import JOURNAL_POSSIBLE
from demo import fiches_textes as textes
from demo import personnes
from demo.equipe import Equipe
from demo.promotions import Promotions
from documents.rendu import pdf_depuis_html
from etablissement.models import Etudiant
from examens import services, sessions
from examens.modeles import modele
from examens.models import EvenementFiche, Fiche, Pack, SessionExamen

SESSION_2026 = (2026, date(2026, 4, 3))
SESSION_2027 = (2027, date(2027, 4, 2))
DEPOTS_2026 = {60: date(2026, 3, 31), 61: date(2026, 3, 31), 62: date(2026, 4, 1),
               63: date(2026, 4, 1), 64: date(2026, 3, 31), 65: date(2026, 4, 2),
               66: date(2026, 4, 2)}  # fmt: skip
# 2025-2027: four fiches conforme and one in review; two drafts.
PRESQUE_PRETS_2027 = (personnes.RANG_PROLONGATION, 5, 18)
COMMENCES_2027 = (21, 22)

# A dossier's fiches: type, which stage (0: first year, 1: second), real activity (E6).
DOSSIER = (
    ("E4_NEGO", 1, True),
    ("E4_EVENEMENT", 1, True),
    ("E6_DISTRIBUTEURS", 0, True),
    ("E6_PARTENAIRES", 1, True),
    ("E6_VENTE_DIRECTE", 0, False),  # a situation the candidate did not live: simulated
)


def _a(jour: date, heure: int = 17) -> datetime:
    return timezone.make_aware(datetime.combine(jour, time(heure)))


@cache
def _annexe(organisation: str) -> bytes:
    """The offer's presentation, two pages, as the candidate attaches it to an E4 fiche."""
    org = escape(organisation)
    return pdf_depuis_html(
        "<style>@page{size:A4;margin:2cm} body{font-family:sans-serif} "
        "h1{font-size:20pt} .p{page-break-before:always}</style>"
        f"<h1>{org} — présentation de l'offre commerciale</h1>"
        "<p>Contrat « Sérénité » : entretien annuel, dépannage sous 48 heures, prix mensuel "
        "fixe.</p><ul><li>Formule essentielle : 19 € par mois</li>"
        "<li>Formule confort : 29 € par mois, dépannage sous 24 heures</li></ul>"
        f"<div class='p'><h1>Pourquoi choisir {org}</h1><p>Une équipe locale, un "
        "interlocuteur unique, un bilan annuel remis au client.</p></div>"
    )


class Redaction:
    """One candidate's fiches, each step on its own day and stamped with it."""

    def __init__(self, equipe: Equipe, etudiant: Etudiant) -> None:
        self.etudiant = etudiant
        self.referent = equipe.compte(etudiant.referent_id)
        self.stages = list(
            Convention.objects.filter(etudiant=etudiant, statut__in=JOURNAL_POSSIBLE)
            .select_related("etablissement_accueil__organisme")
            .order_by("debut", "pk")
        )

    def ecrire(self, type_fiche: str, annee: int, reelle: bool, jour: date) -> Fiche:
        """A fiche drawn from the stage of year `annee` (or the latest begun by `jour`)."""
        commences = [s for s in self.stages if s.debut is not None and s.debut <= jour]
        stage = commences[min(annee, len(commences) - 1)]
        org = stage.etablissement_accueil.organisme.raison_sociale
        le = _a(jour)
        fiche = services.fiche_creer(
            etudiant=self.etudiant,
            type_fiche=type_fiche,
            titre=textes.titre(type_fiche, org),
            convention=stage,
            activite_reelle=reelle,
            le=le,
            aujourdhui=jour,
        )
        tire = fiche.versions.get().contenu
        champs = {c.cle for c in modele(type_fiche).champs}
        services.fiche_modifier(
            fiche=fiche,
            titre=fiche.titre,
            contenu={
                cle: texte
                for cle, texte in textes.textes(type_fiche, org).items()
                if cle in champs and not tire.get(cle)
            },
            le=le,
        )
        if modele(type_fiche).annexe_offre:
            pdf = _annexe(org)
            services.annexe_deposer(
                fiche=fiche, flux=SimpleUploadedFile("offre.pdf", pdf), taille=len(pdf), le=le
            )
        return self._dater(fiche, le)

    def envoyer(self, fiche: Fiche, jour: date) -> Fiche:
        services.fiche_soumettre(fiche=fiche, le=_a(jour))
        return self._dater(fiche, _a(jour))

    def relire(self, fiche: Fiche, jour: date, a_corriger: Mapping[str, str] = {}) -> Fiche:
        avis = {
            c.cle: ("a_corriger", a_corriger[c.cle]) if c.cle in a_corriger else ("conforme", "")
            for c in modele(fiche.type).champs
        }
        services.fiche_relire(fiche=fiche, avis=avis, par=self.referent, le=_a(jour, 18))
        return self._dater(fiche, _a(jour, 18))

    def corriger(self, fiche: Fiche, jour: date, contenu: Mapping[str, str]) -> Fiche:
        services.fiche_modifier(fiche=fiche, titre=fiche.titre, contenu=contenu, le=_a(jour))
        return self._dater(fiche, _a(jour))

    @staticmethod
    def _dater(fiche: Fiche, le: datetime) -> Fiche:
        """The trail of the steps just taken, stamped with their day rather than the build's
        minute (the services date the fiche itself with `le`)."""
        EvenementFiche.objects.filter(fiche=fiche, horodatage__gt=le).update(horodatage=le)
        fiche.refresh_from_db()
        return fiche


def _dossier(
    r: Redaction,
    debut: date,
    *,
    conformes: Iterable[str] = (),
    envoyees: Iterable[str] = (),
    brouillons: Iterable[str] = (),
    a_corriger: Iterable[str] = (),
) -> None:
    """Fiches written a week apart from `debut`, each sent a few days later and reviewed the
    week after: `conformes` all the way, `envoyees` waiting for review, `a_corriger` sent
    back once, fixed, sent again and reviewed « conforme » (or left to fix if also listed
    in `envoyees`), `brouillons` only begun."""
    conformes, envoyees = set(conformes), set(envoyees)
    brouillons, a_corriger = set(brouillons), set(a_corriger)
    for i, (type_fiche, annee, reelle) in enumerate(DOSSIER):
        if type_fiche not in conformes | envoyees | brouillons | a_corriger:
            continue
        jour = debut + timedelta(days=7 * i)
        fiche = r.ecrire(type_fiche, annee, reelle, jour)
        if type_fiche in brouillons:
            continue
        fiche = r.envoyer(fiche, jour + timedelta(days=3))
        if type_fiche in a_corriger:
            fiche = r.relire(fiche, jour + timedelta(days=8), textes.A_CORRIGER)
            if type_fiche in envoyees:
                continue  # left « à corriger »
            precis = "Ventes par partenaire en baisse de 12 % ; contact moins d'une fois par an."
            fiche = r.corriger(fiche, jour + timedelta(days=10), {"diagnostic": precis})
            fiche = r.envoyer(fiche, jour + timedelta(days=11))
            r.relire(fiche, jour + timedelta(days=14))
        elif type_fiche in conformes:
            r.relire(fiche, jour + timedelta(days=8))


_TOUTES = tuple(t for t, _, _ in DOSSIER)


def examens_creer(equipe: Equipe, promotions: Promotions) -> None:
    """The two sessions, their candidates' fiches and the deposits of 2026."""
    annee, limite = SESSION_2026
    session = sessions.session_enregistrer(promotions.diplomes, annee=annee, date_limite=limite)
    for rang in personnes.RANGS_DIPLOMES:
        r = Redaction(equipe, promotions.etudiant(rang))
        debut = date(2026, 1, 12) + timedelta(days=rang % 4)
        if rang == personnes.RANGS_FICHES_EN_RELECTURE[0]:
            _dossier(r, debut, conformes=_TOUTES[:3], a_corriger=_TOUTES[3:],
                     envoyees=_TOUTES[3:4])  # fmt: skip
        elif rang == personnes.RANGS_FICHES_EN_RELECTURE[1]:
            _dossier(r, debut, conformes=_TOUTES[:4], envoyees=_TOUTES[4:])
        else:
            _dossier(r, debut, conformes=_TOUTES, a_corriger=_TOUTES[3:4] if rang % 2 else ())
        if rang in DEPOTS_2026:
            sessions.depot_enregistrer(
                session, r.etudiant, depose_le=DEPOTS_2026[rang], par=equipe.administratrice
            )
    annee, limite = SESSION_2027
    sessions.session_enregistrer(promotions.anciens, annee=annee, date_limite=limite)
    for rang in PRESQUE_PRETS_2027:
        r = Redaction(equipe, promotions.etudiant(rang))
        _dossier(r, date(2026, 10, 5), conformes=_TOUTES[:4], envoyees=_TOUTES[4:])
    for rang in COMMENCES_2027:
        r = Redaction(equipe, promotions.etudiant(rang))
        _dossier(r, date(2026, 11, 9), brouillons=_TOUTES[:2])


def examens_effacer(etudiants: QuerySet[Etudiant]) -> None:
    """The demo's exam records and their files (annexes, packs), before its students: a
    fiche's trail protects it."""
    fiches = Fiche.objects.filter(etudiant__in=etudiants)
    for fiche in fiches.exclude(annexe_offre=""):
        fiche.annexe_offre.delete(save=False)
    sessions_ = SessionExamen.objects.filter(promotion__etudiants__in=etudiants).distinct()
    for pack in Pack.objects.filter(session__in=sessions_).exclude(fichier=""):
        pack.fichier.delete(save=False)
    EvenementFiche.objects.filter(fiche__in=fiches).delete()
    fiches.delete()
    SessionExamen.objects.filter(pk__in=list(sessions_.values_list("pk", flat=True))).delete()


_PLURIELS = {
    "pret": ("prêt", "prêts"),
    "presque": ("presque prêt", "presque prêts"),
    "incomplet": ("à compléter", "à compléter"),
    "non_conforme": ("non conforme", "non conformes"),
}


def sessions_a_voir(le: date) -> list[tuple[str, str]]:
    """Each demo session's cohort view and its dossiers by category, judged on `le`:
    [(address, « session 2026, NDRC 2024-2026 : 4 prêts, 4 non conformes »)]."""
    from django.urls import reverse

    from examens import preparation

    lignes = []
    for session in (
        SessionExamen.objects.filter(
            promotion__etudiants__in=Etudiant.objects.filter(
                email__endswith=f"@{personnes.DOMAINE}"
            )
        )
        .distinct()
        .select_related("promotion")
        .order_by("annee")
    ):
        comptes: dict[str, int] = {}
        for ligne in preparation.preparations_session(session, le=le):
            categorie = ligne.preparation.categorie
            comptes[categorie] = comptes.get(categorie, 0) + 1
        detail = ", ".join(
            f"{n} {_PLURIELS[c][n > 1]}" for c in _PLURIELS if (n := comptes.get(c, 0))
        )
        adresse = reverse("examens:preparation_cohorte", args=[session.promotion_id])
        lignes.append((adresse, f"session {session.annee}, {session.promotion} : {detail}"))
    return lignes
