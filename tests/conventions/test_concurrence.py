"""Decisions sharing a slot, taken at the same instant: validations racing for a host's last
places in a civil week, for a tutor's last intern, an avenant against a validation, a
headcount correction against a validation, an edit against a validation. Each waits for the other under the host's and the
tutor's locks (conventions.verrous), so exactly the free slots are granted, however many ask.
Each race is run again and again on the same rows, set back between two races.

The races need PostgreSQL: threads with their own connections, and row locks; SQLite has
neither (it lets one writer at a time commit)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.transaction import TransactionManagementError
from django.test import Client
from django.urls import reverse

from comptes.models import Role, Utilisateur
from conventions.models import Convention, PeriodeConvention, Statut
from conventions.services import (
    PeriodeSaisie,
    TransitionRefusee,
    avenant_creer,
    convention_acquitter,
    convention_modifier,
    convention_transition,
    convention_verifier,
)
from conventions.workflow import EN_VIGUEUR
from etablissement.models import Promotion
from organismes.models import OrganismeAccueil, Tuteur
from organismes.services import effectif_enregistrer
from regles.parametres import parametres
from regles.quotas import quota
from tests import fabriques

pytestmark = pytest.mark.django_db(transaction=True)
postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Courses entre threads : il faut PostgreSQL (connexions par thread, verrous de "
    "ligne) ; SQLite n'a qu'un écrivain à la fois.",
)

ESSAIS = 10  # races per test of validations
ESSAIS_AVENANT = 5  # races per test of an avenant against a validation
ESSAIS_ECRANS = 3  # races of clicks on « Valider »
COUREURS = 4  # validations asking at the same instant
MARS = (date(2026, 3, 2), date(2026, 3, 27))  # the builders' default stage: four weeks
AVRIL = (date(2026, 4, 6), date(2026, 4, 30))


@pytest.fixture
def admin() -> Utilisateur:
    return Utilisateur.objects.create_user("chef@lycee-eiffel.test", "x", role=Role.ADMINISTRATEUR)


@pytest.fixture
def promo() -> Promotion:
    return fabriques.promotion()


def hote(personnes: int) -> OrganismeAccueil:
    """A host of `personnes` in the months that decide the quota of March and April 2026."""
    return fabriques.organisme(effectif=personnes, du=date(2026, 1, 1), au=date(2026, 3, 1))


def quota_semaine(personnes: int) -> int:
    """The weekly quota of a host of `personnes`, as the parameters in force in March say."""
    return quota(Decimal(personnes), p=parametres(), le=MARS[0])


def plafond_tuteur() -> int:
    return parametres().entier("quota.stagiaires_par_tuteur", MARS[0])


def a_valider(
    admin: Utilisateur,
    promo: Promotion,
    organisme: OrganismeAccueil,
    tuteur: Tuteur | None = None,
    periodes: tuple[date, date] = MARS,
) -> Convention:
    """A convention of a new student waiting for validation, its warnings acknowledged."""
    convention = fabriques.convention(
        auteur=admin,
        etudiant_=fabriques.etudiant(promotion=promo),
        organisme_=organisme,
        tuteur_=tuteur or fabriques.tuteur(organisme=organisme),
        periodes=[periodes],
    )
    convention_transition(convention=convention, action="soumettre", auteur=admin)
    # 20 days against the year's objective: the one warning, taken on by the administrator.
    convention_acquitter(convention=convention, codes=["PROGRAMME_INSUFFISANT"], auteur=admin)
    return convention


def valider(admin: Utilisateur, convention: Convention) -> Convention:
    return convention_transition(convention=convention, action="valider", auteur=admin)


def signee(admin: Utilisateur, convention: Convention) -> Convention:
    valider(admin, convention)
    convention_transition(convention=convention, action="envoyer_signature", auteur=admin)
    return convention_transition(
        convention=convention, action="enregistrer_signatures", auteur=admin, le=date(2026, 2, 1)
    )


def course(appels: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run the calls in threads released at once; what each returned or raised."""
    depart = threading.Barrier(len(appels))
    issues: list[Any] = [None] * len(appels)

    def coureur(i: int, appel: Callable[[], Any]) -> None:
        try:
            connection.ensure_connection()  # connected before the start, not during the race
            depart.wait(timeout=30)
            issues[i] = appel()
        except Exception as erreur:  # noqa: BLE001  (the outcome under test)
            issues[i] = erreur
        finally:
            connection.close()

    fils = [threading.Thread(target=coureur, args=(i, a)) for i, a in enumerate(appels)]
    for fil in fils:
        fil.start()
    for fil in fils:
        fil.join(timeout=60)
    assert not any(fil.is_alive() for fil in fils), "une décision n'a jamais abouti"
    return issues


def refus(issues: list[Any]) -> list[TransitionRefusee]:
    autres = [i for i in issues if isinstance(i, Exception)]
    assert all(isinstance(i, TransitionRefusee) for i in autres), autres
    return autres


def codes(erreur: TransitionRefusee) -> set[str]:
    return {k.code for k in erreur.constats}


def remettre(conventions: Sequence[Convention], statut: Statut) -> None:
    """Set the scene of the next race: these conventions back in `statut`."""
    Convention.objects.filter(pk__in=[c.pk for c in conventions]).update(statut=statut)


def en_vigueur(**filtre: Any) -> int:
    return Convention.objects.filter(statut__in=EN_VIGUEUR, **filtre).count()


@postgresql
def test_validations_racing_for_a_hosts_last_places_get_exactly_the_free_ones(
    admin: Utilisateur, promo: Promotion
) -> None:
    """A host of 10 persons; some of its weekly places taken, 4 validations at once for the
    same weeks: as many pass as places were free, the others are refused for the quota."""
    places = quota_semaine(10)
    org = hote(10)
    deja = [valider(admin, a_valider(admin, promo, org)) for _ in range(places)]
    candidates = [a_valider(admin, promo, org) for _ in range(COUREURS)]
    for essai in range(ESSAIS):
        libres = 1 + essai % 2  # the last place, or the last two
        remettre(deja[: places - libres], Statut.VALIDEE)
        remettre(deja[places - libres :], Statut.ANNULEE)
        remettre(candidates, Statut.A_VALIDER)

        issues = course([partial(valider, admin, c) for c in candidates])

        refusees = refus(issues)
        assert len(refusees) == COUREURS - libres, f"essai {essai}"
        assert all("QUOTA_DEPASSE" in codes(r) for r in refusees)
        assert en_vigueur(etablissement_accueil__organisme=org) == places


@postgresql
def test_validation_clicks_posted_at_the_same_instant_get_exactly_the_free_place(
    admin: Utilisateur, promo: Promotion
) -> None:
    """The same race through the screens: « Valider » posted for 4 conventions at once by
    4 sessions; one is validated, the 3 others come back on their page with the reason."""
    places = quota_semaine(10)
    org = hote(10)
    for _ in range(places - 1):
        valider(admin, a_valider(admin, promo, org))
    candidates = [a_valider(admin, promo, org) for _ in range(COUREURS)]

    def cliquer(convention: Convention) -> int:
        navigateur = Client()
        navigateur.force_login(admin)
        url = reverse("conventions:transition", args=[convention.pk])
        return navigateur.post(url, {"action": "valider"}).status_code

    for essai in range(ESSAIS_ECRANS):
        remettre(candidates, Statut.A_VALIDER)

        reponses = course([partial(cliquer, c) for c in candidates])

        assert sorted(reponses) == [200] * (COUREURS - 1) + [302], f"essai {essai}"
        assert en_vigueur(etablissement_accueil__organisme=org) == places


@postgresql
def test_validations_racing_for_a_tutors_last_intern_get_exactly_one(
    admin: Utilisateur, promo: Promotion
) -> None:
    """A tutor with one intern short of the cap, 4 validations at once naming them: one
    passes, the others are refused for the tutor's cap (the host's quota is far)."""
    plafond = plafond_tuteur()
    personnes = 100
    assert quota_semaine(personnes) >= plafond + COUREURS  # the quota stays out of the race
    org = hote(personnes)
    tuteur = fabriques.tuteur(organisme=org)
    deja = [valider(admin, a_valider(admin, promo, org, tuteur)) for _ in range(plafond - 1)]
    candidates = [a_valider(admin, promo, org, tuteur) for _ in range(COUREURS)]
    for essai in range(ESSAIS):
        remettre(candidates, Statut.A_VALIDER)

        issues = course([partial(valider, admin, c) for c in candidates])

        refusees = refus(issues)
        assert len(refusees) == COUREURS - 1, f"essai {essai}"
        assert all("TUTEUR_PLAFOND" in codes(r) for r in refusees)
        assert en_vigueur(tuteur=tuteur) == len(deja) + 1 == plafond


@postgresql
def test_an_avenant_moving_dates_into_full_weeks_races_a_validation_for_the_last_place(
    admin: Utilisateur, promo: Promotion
) -> None:
    """March has one place left; an avenant brings a signed April stage into March while a
    March convention is validated: one of the two gets the place, the other is refused."""
    places = quota_semaine(10)
    org = hote(10)
    for _ in range(places - 1):
        valider(admin, a_valider(admin, promo, org))
    avril = signee(admin, a_valider(admin, promo, org, periodes=AVRIL))
    mars = a_valider(admin, promo, org)
    dans_mars = Convention.objects.filter(
        statut__in=EN_VIGUEUR,
        etablissement_accueil__organisme=org,
        periodes__debut__lte=MARS[1],
        periodes__fin__gte=MARS[0],
    )
    avancer = partial(
        avenant_creer,
        convention=avril,
        auteur=admin,
        date_effet=date(2026, 2, 15),
        motif="L'entreprise avance le stage.",
        periodes=[PeriodeSaisie(*MARS)],
    )
    for essai in range(ESSAIS_AVENANT):
        PeriodeConvention.objects.filter(convention=avril).update(debut=AVRIL[0], fin=AVRIL[1])
        Convention.objects.filter(pk=avril.pk).update(debut=AVRIL[0], fin=AVRIL[1])
        remettre([mars], Statut.A_VALIDER)

        issues = course([avancer, partial(valider, admin, mars)])

        (refusee,) = refus(issues)
        assert "QUOTA_DEPASSE" in codes(refusee), f"essai {essai}"
        assert dans_mars.count() == places


@postgresql
def test_an_avenant_changing_tutor_races_a_validation_for_the_tutors_last_intern(
    admin: Utilisateur, promo: Promotion
) -> None:
    """A tutor one intern short of the cap: an avenant handing them a signed stage and a
    validation naming them, at once; one passes, the other is refused for the cap."""
    plafond = plafond_tuteur()
    org = hote(100)
    tuteur = fabriques.tuteur(organisme=org)
    for _ in range(plafond - 1):
        valider(admin, a_valider(admin, promo, org, tuteur))
    autre = signee(admin, a_valider(admin, promo, org))  # another tutor, same weeks
    premier_tuteur = autre.tuteur_id
    candidate = a_valider(admin, promo, org, tuteur)
    confier = partial(
        avenant_creer,
        convention=autre,
        auteur=admin,
        date_effet=date(2026, 2, 15),
        motif="Changement de tuteur.",
        tuteur=tuteur,
    )
    for essai in range(ESSAIS_AVENANT):
        Convention.objects.filter(pk=autre.pk).update(tuteur=premier_tuteur)
        remettre([candidate], Statut.A_VALIDER)

        issues = course([confier, partial(valider, admin, candidate)])

        (refusee,) = refus(issues)
        assert "TUTEUR_PLAFOND" in codes(refusee), f"essai {essai}"
        assert en_vigueur(tuteur=tuteur) == plafond


def pendant(tenir: Callable[[], Any], puis: Callable[[], Any]) -> tuple[bool, Any]:
    """Run `tenir` in a transaction kept open in a thread; meanwhile call `puis` in another
    thread. Whether `puis` was still waiting half a second later (it can only have been held
    by a lock: nothing else stops it), and what it returned or raised once `tenir` commits."""
    tient, lache, fini = threading.Event(), threading.Event(), threading.Event()
    issue: list[Any] = []
    echec: list[Exception] = []

    def premier() -> None:
        try:
            with transaction.atomic():
                tenir()
                tient.set()
                lache.wait(timeout=30)
        except Exception as erreur:  # noqa: BLE001  (raised again in the test's thread)
            echec.append(erreur)
        finally:
            tient.set()
            connection.close()

    def second() -> None:
        try:
            issue.append(puis())
        except Exception as erreur:  # noqa: BLE001  (the outcome under test)
            issue.append(erreur)
        finally:
            fini.set()
            connection.close()

    fil_premier = threading.Thread(target=premier)
    fil_premier.start()
    assert tient.wait(timeout=30)
    fil_second = threading.Thread(target=second)
    fil_second.start()
    attendait = not fini.wait(timeout=0.5)
    lache.set()
    fil_premier.join(timeout=30)
    fil_second.join(timeout=30)
    if echec:
        raise echec[0]
    (resultat,) = issue
    return attendait, resultat


@postgresql
def test_a_validation_waits_for_a_headcount_being_corrected_and_decides_on_the_new_figure(
    admin: Utilisateur, promo: Promotion
) -> None:
    """A host declared at 40 persons: its March places are not all taken. While its
    headcount is being corrected to 10, a validation for March waits for the correction,
    then is refused for the smaller quota."""
    petit = quota_semaine(10)
    assert quota_semaine(40) > petit  # the correction takes the free place away
    org = hote(40)
    for _ in range(petit):
        valider(admin, a_valider(admin, promo, org))
    candidate = a_valider(admin, promo, org)

    def corriger() -> None:
        for mois in (date(2026, 1, 1), date(2026, 2, 1)):
            effectif_enregistrer(organisme=org, mois=mois, personnes=10)

    attendait, issue = pendant(corriger, partial(valider, admin, candidate))

    assert attendait, "la validation n'a pas attendu la correction de l'effectif"
    assert isinstance(issue, TransitionRefusee) and "QUOTA_DEPASSE" in codes(issue)


@postgresql
def test_a_headcount_correction_waits_for_a_decision_under_way(
    admin: Utilisateur, promo: Promotion
) -> None:
    """The other way round: while a circuit is being opened (the law checked under the
    locks, the decision not committed yet), a headcount correction of that host waits."""
    org = hote(10)
    convention = a_valider(admin, promo, org)
    valider(admin, convention)

    attendait, issue = pendant(
        partial(convention_verifier, convention=convention, acquitter=True),
        partial(effectif_enregistrer, organisme=org, mois=date(2026, 2, 1), personnes=11),
    )

    assert attendait, "la correction de l'effectif n'a pas attendu la décision en cours"
    assert issue.personnes == 11


@postgresql
def test_an_edit_waiting_for_a_validation_does_not_undo_it(
    admin: Utilisateur, promo: Promotion
) -> None:
    """The edit form of a convention « à valider » is sent while the convention is being
    validated: the edit waits, then is refused; the validation stands."""
    convention = a_valider(admin, promo, hote(10))
    ouverte = Convention.objects.get(pk=convention.pk)  # the form's copy, still « à valider »

    attendait, issue = pendant(
        partial(valider, admin, convention),
        partial(
            convention_modifier,
            convention=ouverte,
            auteur=admin,
            periodes=[PeriodeSaisie(*AVRIL)],
        ),
    )

    assert attendait, "la modification n'a pas attendu la validation en cours"
    assert isinstance(issue, TransitionRefusee)
    convention.refresh_from_db()
    assert convention.statut == Statut.VALIDEE
    assert (convention.debut, convention.fin) == MARS


def test_the_law_is_checked_under_lock_only_inside_a_transaction(
    admin: Utilisateur, promo: Promotion
) -> None:
    """Outside a transaction the locks would be let go at once: refused, on any database."""
    convention = a_valider(admin, promo, hote(10))
    with pytest.raises(TransactionManagementError):
        convention_verifier(convention=convention)
