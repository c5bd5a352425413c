"""An académie in the database, for the back-office benchmark: 12,000 students in 400
cohorts, 6,000 hosts with their monthly headcount, 20,000 conventions with their periods and
daily presence logs. Written with bulk_create (the services would take an hour); every value
is one the services would accept."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from comptes.models import Role, Utilisateur
from conventions.models import Convention, PeriodeConvention, Pointage, Statut
from core.recherche import normaliser
from etablissement.models import Enseignant, Etudiant, Promotion
from organismes.models import EffectifMensuel, EtablissementAccueil, OrganismeAccueil, Tuteur
from organismes.validators import cle_luhn
from referentiel.models import Formation, VersionReferentiel
from regles.contenus import CLAUSES_TEXTE

# Every clause typed (the leave clause too: some stages of the benchmark pass 308 h).
CLAUSES = dict.fromkeys(CLAUSES_TEXTE, "Clause type de la section")
BLOCS = [
    date(2025, 11, 17),
    date(2026, 1, 5),
    date(2026, 5, 18),
    date(2026, 11, 16),
    date(2027, 1, 4),
]
STATUTS = [Statut.VALIDEE, Statut.SIGNEE, Statut.EN_COURS, Statut.TERMINEE, Statut.ATTESTEE]
LOT = 5_000
EMAIL_ADMIN = "bench@academie.example"


@dataclass(frozen=True)
class Taille:
    etudiants: int = 12_000
    organismes: int = 6_000
    conventions: int = 20_000
    par_promotion: int = 30


def _siren(i: int) -> str:
    base = f"{20_000_000 + i:08d}"
    return base + cle_luhn(base)


def peupler(taille: Taille = Taille(), *, graine: int = 12) -> Utilisateur:
    """Fill an empty database (after migrate); return the administrator who browses it."""
    rng = random.Random(graine)
    with transaction.atomic():
        admin = Utilisateur.objects.create_user(EMAIL_ADMIN, "bench", role=Role.ADMINISTRATEUR)
        formation = Formation.objects.get(code="BTS-NDRC")
        version = VersionReferentiel.objects.filter(formation=formation).first()
        nb_promotions = taille.etudiants // taille.par_promotion
        promotions = Promotion.objects.bulk_create(
            Promotion(
                formation=formation,
                version_referentiel=version,
                libelle=f"NDRC {2025 + i % 2}-{2027 + i % 2} groupe {i}",
                annee_debut=2025 + i % 2,
                objectif_jours_par_annee=40,
            )
            for i in range(nb_promotions)
        )
        enseignants = Enseignant.objects.bulk_create(
            Enseignant(nom=f"Enseignant{i}", prenom="Claire", email=f"prof{i}@academie.example")
            for i in range(nb_promotions)
        )
        etudiants = Etudiant.objects.bulk_create(
            (
                Etudiant(
                    promotion=promotions[i // taille.par_promotion],
                    referent=enseignants[i // taille.par_promotion],
                    nom=f"Nom{i}",
                    prenom="Camille",
                    recherche=normaliser("Camille", f"Nom{i}"),  # as save() writes it
                    ine=f"{i:09d}BE",
                    date_naissance=date(2006, 1, 1) + timedelta(days=rng.randint(0, 1100)),
                    email=f"etudiant{i}@academie.example",
                    classe="NDRC1",
                )
                for i in range(taille.etudiants)
            ),
            batch_size=LOT,
        )
        organismes = OrganismeAccueil.objects.bulk_create(
            (
                OrganismeAccueil(
                    siren=_siren(i),
                    raison_sociale=f"Entreprise {i}",
                    recherche=normaliser(f"Entreprise {i}"),  # as save() writes it
                    ville="Bordeaux",
                )
                for i in range(taille.organismes)
            ),
            batch_size=LOT,
        )
        sites = EtablissementAccueil.objects.bulk_create(
            (
                EtablissementAccueil(
                    organisme=o,
                    siret=o.siren + "0001" + cle_luhn(o.siren + "0001"),
                    adresse="1 cours de la Marne",
                    ville="Bordeaux",
                )
                for o in organismes
            ),
            batch_size=LOT,
        )
        tailles = [rng.choice([4, 12, 25, 60, 250]) for _ in organismes]
        mois = [date(2025 + (8 + m) // 12, (8 + m) % 12 + 1, 1) for m in range(24)]
        EffectifMensuel.objects.bulk_create(
            (
                EffectifMensuel(organisme=o, mois=m, personnes=t)
                for o, t in zip(organismes, tailles, strict=True)
                for m in mois
            ),
            batch_size=LOT,
        )
        tuteurs = Tuteur.objects.bulk_create(
            (Tuteur(organisme=o, nom=f"Tuteur{i}", prenom="Sam") for i, o in enumerate(organismes)),
            batch_size=LOT,
        )
        conventions = Convention.objects.bulk_create(
            (
                Convention(
                    etudiant=etudiants[i % len(etudiants)],
                    etablissement_accueil=sites[h := rng.randrange(len(sites))],
                    tuteur=tuteurs[h],
                    referent=etudiants[i % len(etudiants)].referent,
                    statut=rng.choice(STATUTS),
                    contenus=CLAUSES,
                )
                for i in range(taille.conventions)
            ),
            batch_size=LOT,
        )
        periodes = []
        for c in conventions:
            c.debut = rng.choice(BLOCS)
            c.fin = c.debut + timedelta(days=25)
            periodes.append(PeriodeConvention(convention=c, debut=c.debut, fin=c.fin))
        PeriodeConvention.objects.bulk_create(periodes, batch_size=LOT)
        # The services write a convention's first and last day with its periods.
        Convention.objects.bulk_update(conventions, ["debut", "fin"], batch_size=LOT)
        # Daily presence for the stages already over on the benchmark's reference day.
        reference = date(2026, 11, 27)
        pointages = (
            Pointage(
                convention=p.convention, jour=p.debut + timedelta(days=j), minutes_presence=420
            )
            for p in periodes
            if p.fin < reference
            for j in range(26)
            if (p.debut + timedelta(days=j)).weekday() < 5
        )
        Pointage.objects.bulk_create(pointages, batch_size=LOT)
    return admin
