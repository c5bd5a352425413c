"""The readiness rule of the exam dossier (regles/dossier_examen.py), by table: one row per
non-conformity reason with its message, a fully conforme candidate and a nearly ready one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from regles.dossier_examen import (
    Acteur,
    Candidat,
    Etat,
    EtatPiece,
    FicheDossier,
    PeriodeStage,
    Stage,
    fiches_attendues,
    jours_alerte,
    preparation,
    preparations,
)
from regles.parametres import parametres

LIMITE = date(2027, 4, 15)
AVANT = date(2027, 3, 1)
APRES = date(2027, 4, 16)

SIGNEE = EtatPiece.SIGNEE


def _stage(
    hote: str = "Décathlon Mérignac",
    *,
    convention: EtatPiece = SIGNEE,
    attestation: EtatPiece = SIGNEE,
    fin: date = date(2026, 2, 20),
) -> Stage:
    return Stage(
        "1",
        hote,
        convention,
        (PeriodeStage("11", date(2026, 1, 5), fin, attestation),),
    )


FICHES = (
    FicheDossier("E4_NEGO", 1, "conforme", annexe=True),
    FicheDossier("E4_EVENEMENT", 2, "conforme", annexe=True),
    FicheDossier("E6_DISTRIBUTEURS", 1, "conforme", activite_reelle=True),
    FicheDossier("E6_PARTENAIRES", 2, "conforme", activite_reelle=False),
    FicheDossier("E6_VENTE_DIRECTE", 3, "conforme", activite_reelle=False),
)

COMPLET = Candidat(
    ident="7",
    nom="Lalanne Camille",
    stages=(_stage(), _stage("Leroy Merlin Bègles")),
    jours_confirmes=Decimal(80),
    jours_requis=80,
    fiches=FICHES,
)


def _sans(type_: str) -> tuple[FicheDossier, ...]:
    return tuple(f for f in FICHES if f.type != type_)


def _avec(type_: str, **champs: object) -> tuple[FicheDossier, ...]:
    return tuple(replace(f, **champs) if f.type == type_ else f for f in FICHES)  # type: ignore[arg-type]


P = parametres()


def test_un_dossier_complet_est_conforme_et_pret_a_deposer() -> None:
    r = preparation(COMPLET, le=AVANT, date_limite=LIMITE, p=P)
    assert r.etat == Etat.CONFORME
    assert r.manquants == ()
    assert [k.code for k in r.constats] == ["DEPOT_A_FAIRE"]
    assert r.constats[0].texte == "Dossier à déposer au plus tard le 15/04/2027 (dans 45 jours)."
    assert r.resume == "Dossier complet : prêt à être déposé."
    assert r.categorie == "pret"
    assert (r.fiches_conformes, r.fiches_attendues) == (5, 5)


def test_un_dossier_complet_depose_a_temps_reste_conforme_apres_la_date() -> None:
    r = preparation(
        replace(COMPLET, depose_le=date(2027, 4, 10)), le=APRES, date_limite=LIMITE, p=P
    )
    assert r.etat == Etat.CONFORME
    assert r.constats == ()
    assert r.resume == "Dossier conforme, déposé le 10/04/2027."


def test_presque_pret_il_manque_une_relecture() -> None:
    c = replace(COMPLET, fiches=_avec("E6_PARTENAIRES", statut="soumise"))
    r = preparation(c, le=AVANT, date_limite=LIMITE, p=P)
    assert r.etat == Etat.PAS_ENCORE
    assert r.categorie == "presque"
    assert [(k.code, k.acteur) for k in r.manquants] == [("FICHE_NON_CONFORME", Acteur.REFERENT)]
    assert r.resume == "Dossier à compléter : 1 point à régler (à faire par le référent)."


def test_ce_que_le_calendrier_apportera_ne_retire_pas_le_presque_pret() -> None:
    # Year 2 in November: the stage is under way, its attestation comes at its end and the
    # days are still being logged. Not conforme yet, but nothing to chase today.
    en_cours = replace(
        COMPLET,
        stages=(_stage(), _stage("Leroy Merlin Bègles", attestation=EtatPiece.ABSENTE,
                                 fin=date(2027, 2, 12))),
        jours_confirmes=Decimal(50),
    )  # fmt: skip
    r = preparation(en_cours, le=date(2026, 11, 27), date_limite=LIMITE, p=P)
    assert r.etat == Etat.PAS_ENCORE
    assert [k.code for k in r.manquants] == ["ATTESTATION_A_VENIR", "DUREE_INSUFFISANTE"]
    assert r.a_regler == () and r.categorie == "presque"
    assert r.resume == (
        "Dossier en bonne voie : il reste la fin du stage en cours et son attestation."
    )
    # The same days after the stage has ended are a gap to make up: no longer « presque ».
    fini = replace(en_cours, stages=(_stage(), _stage("Leroy Merlin Bègles")))
    r = preparation(fini, le=date(2027, 3, 1), date_limite=LIMITE, p=P)
    assert [k.code for k in r.a_regler] == ["DUREE_INSUFFISANTE"]
    # Under way with a fiche to review: one point to settle today, the rest said apart.
    a_relire = replace(en_cours, fiches=_avec("E6_PARTENAIRES", statut="soumise"))
    r = preparation(a_relire, le=date(2026, 11, 27), date_limite=LIMITE, p=P)
    assert r.categorie == "presque"
    assert r.qui_doit_agir == "Le référent"  # not the host, whose stage is under way
    assert [k.code for k in r.a_lire] == [  # what someone can settle today comes first
        "FICHE_NON_CONFORME",
        "ATTESTATION_A_VENIR",
        "DUREE_INSUFFISANTE",
    ]
    assert r.resume == (
        "Dossier à compléter : 1 point à régler (à faire par le référent) ; le reste viendra "
        "avec la fin du stage en cours."
    )
    with_fiches = replace(fini, fiches=_avec("E4_NEGO", statut="brouillon")[:3])
    assert preparation(with_fiches, le=date(2027, 3, 1), date_limite=LIMITE, p=P).categorie == (
        "incomplet"
    )


RAISONS = [
    (
        "attestation manquante",
        replace(COMPLET, stages=(_stage(attestation=EtatPiece.ABSENTE),)),
        "ATTESTATION_MANQUANTE",
        Acteur.SECTION,
        "Il manque l'attestation de stage chez Décathlon Mérignac (du 05/01/2026 au "
        "20/02/2026) : une attestation est exigée par lieu et par période.",
    ),
    (
        "attestation non signée",
        replace(COMPLET, stages=(_stage(attestation=EtatPiece.NON_SIGNEE),)),
        "ATTESTATION_NON_SIGNEE",
        Acteur.ORGANISME,
        "L'attestation de stage chez Décathlon Mérignac (du 05/01/2026 au 20/02/2026) n'est "
        "pas encore signée par l'organisme d'accueil.",
    ),
    (
        "convention non signée",
        replace(COMPLET, stages=(_stage(convention=EtatPiece.NON_SIGNEE),)),
        "CONVENTION_NON_SIGNEE",
        Acteur.SECTION,
        "La convention de stage chez Décathlon Mérignac n'est pas signée par toutes les parties.",
    ),
    (
        "aucun stage",
        replace(COMPLET, stages=()),
        "STAGE_ABSENT",
        Acteur.SECTION,
        "Aucune convention de stage en vigueur : pas d'attestation possible.",
    ),
    (
        "durée insuffisante",
        replace(COMPLET, jours_confirmes=Decimal("71.5")),
        "DUREE_INSUFFISANTE",
        Acteur.SECTION,
        "71,5 jours de présence confirmés sur les 80 jours exigés : il manque 8,5 jours ; des "
        "jours de rattrapage sont à prévoir.",
    ),
    (
        "fiche manquante",
        replace(COMPLET, fiches=_sans("E4_EVENEMENT")),
        "FICHE_MANQUANTE",
        Acteur.ETUDIANT,
        "Fiche E4 « évènement commercial » : 0 rédigée sur 1 attendue ; 1 à rédiger.",
    ),
    (
        "fiche à corriger",
        replace(COMPLET, fiches=_avec("E4_NEGO", statut="a_corriger")),
        "FICHE_NON_CONFORME",
        Acteur.ETUDIANT,
        "La fiche E4 « négociation-vente et relation client » n° 1 est à corriger après la "
        "relecture ; elle doit être relue « conforme ».",
    ),
    (
        "fiche brouillon",
        replace(COMPLET, fiches=_avec("E6_DISTRIBUTEURS", statut="brouillon")),
        "FICHE_NON_CONFORME",
        Acteur.ETUDIANT,
        "La fiche E6 « réseau de distributeurs » n° 1 est encore un brouillon : à envoyer en "
        "relecture ; elle doit être relue « conforme ».",
    ),
    (
        "fiche E4 sans annexe",
        replace(COMPLET, fiches=_avec("E4_NEGO", annexe=False)),
        "FICHE_E4_SANS_ANNEXE",
        Acteur.ETUDIANT,
        "La fiche E4 « négociation-vente et relation client » n° 1 n'a pas son annexe de "
        "présentation de l'offre (2 pages recto-verso, obligatoire).",
    ),
    (
        "E6 sans activité réelle vécue",
        replace(COMPLET, fiches=_avec("E6_DISTRIBUTEURS", activite_reelle=False)),
        "E6_SANS_ACTIVITE_REELLE",
        Acteur.ETUDIANT,
        "Les fiches E6 comptent 0 activité réelle vécue pour 1 exigée (situation A de l'épreuve).",
    ),
]


@pytest.mark.parametrize(
    ("candidat", "code", "acteur", "texte"),
    [r[1:] for r in RAISONS],
    ids=[r[0] for r in RAISONS],
)
def test_chaque_raison_de_non_conformite(
    candidat: Candidat, code: str, acteur: Acteur, texte: str
) -> None:
    avant = preparation(candidat, le=AVANT, date_limite=LIMITE, p=P)
    assert avant.etat == Etat.PAS_ENCORE
    assert [(k.code, k.acteur, k.texte) for k in avant.manquants] == [(code, acteur, texte)]
    assert "Arrêté du 22 juillet 2008" in avant.manquants[0].reference
    # Handed in on time as it is, or the deadline passed: non conforme for the same reason.
    deposee = preparation(
        replace(candidat, depose_le=date(2027, 4, 1)), le=APRES, date_limite=LIMITE, p=P
    )
    assert deposee.etat == Etat.NON_CONFORME
    assert [k.code for k in deposee.manquants] == [code]


def test_dossier_non_depose_a_la_date_limite() -> None:
    r = preparation(COMPLET, le=APRES, date_limite=LIMITE, p=P)
    assert r.etat == Etat.NON_CONFORME
    assert [(k.code, k.acteur, k.texte) for k in r.manquants] == [
        ("DOSSIER_NON_DEPOSE", Acteur.SECTION, "Dossier non déposé à la date limite du 15/04/2027.")
    ]


def test_dossier_depose_en_retard() -> None:
    r = preparation(
        replace(COMPLET, depose_le=date(2027, 4, 16)), le=date(2027, 4, 16), date_limite=LIMITE, p=P
    )
    assert r.etat == Etat.NON_CONFORME
    assert [k.texte for k in r.manquants] == [
        "Dossier déposé le 16/04/2027, après la date limite du 15/04/2027."
    ]


def test_stage_en_cours_la_presence_reste_a_confirmer_par_l_organisme() -> None:
    c = replace(
        COMPLET,
        stages=(_stage(fin=date(2027, 3, 12), attestation=EtatPiece.ABSENTE),),
        jours_confirmes=Decimal(72),
    )
    r = preparation(c, le=AVANT, date_limite=LIMITE, p=P)
    assert [(k.code, k.acteur) for k in r.manquants] == [
        ("ATTESTATION_A_VENIR", Acteur.SECTION),
        ("DUREE_INSUFFISANTE", Acteur.ORGANISME),
    ]
    assert r.manquants[1].texte.endswith(
        "il manque 8 jours ; le stage n'est pas terminé : la présence reste à confirmer par "
        "l'organisme d'accueil."
    )


def test_la_cohorte_est_triee_par_urgence() -> None:
    loin = replace(COMPLET, ident="1", nom="A", fiches=(), jours_confirmes=Decimal(10))
    presque = replace(COMPLET, ident="2", nom="B", fiches=_avec("E4_NEGO", statut="soumise"))
    pret = replace(COMPLET, ident="3", nom="C")
    ordre = preparations([pret, presque, loin], le=AVANT, date_limite=LIMITE, p=P)
    assert [r.categorie for r in ordre] == ["incomplet", "presque", "pret"]
    apres = preparations([pret, loin], le=APRES, date_limite=LIMITE, p=P)
    assert [r.nom for r in apres] == ["A", "C"]  # both non conforme: the most missing first


def test_le_jeu_de_fiches_et_les_alertes_sont_des_parametres_dates() -> None:
    assert fiches_attendues(P, LIMITE) == {
        "E4_NEGO": 1,
        "E4_EVENEMENT": 1,
        "E6_DISTRIBUTEURS": 1,
        "E6_PARTENAIRES": 1,
        "E6_VENTE_DIRECTE": 1,
    }
    assert jours_alerte(P, LIMITE) == (30, 15, 7)
    assert P.entier("reglages.ndrc_alerte_dossier_personnel_jours", LIMITE) == 1
