"""The promised contacts, as a table: each case a stage's periods, its contacts and a day,
and what is late then. The section's choice here: one contact a period within 15 days, one
visit a stage (the figures of regles/parametres/reglages/suivi_*.yaml are read in the last
test)."""

from __future__ import annotations

from datetime import date

import pytest

from suivi.echeances import Etat, Promesse, echeances, promesse

P = Promesse(contacts_par_periode=1, delai_jours=15, visites_par_stage=1)
UNE = ((date(2026, 3, 2), date(2026, 3, 27)),)
DEUX = ((date(2026, 3, 2), date(2026, 3, 27)), (date(2026, 5, 4), date(2026, 5, 29)))


def _etats(periodes, contacts, jour, promesse=P):  # type: ignore[no-untyped-def]
    return [
        (e.libelle.split(" (")[0], e.etat, e.due_le)
        for e in echeances(periodes=periodes, contacts=contacts, promesse=promesse, aujourdhui=jour)
    ]


CONTACT, VISITE = "Contact avec le tuteur", "Visite sur le lieu du stage"


@pytest.mark.parametrize(
    ("periodes", "contacts", "jour", "attendu"),
    [
        # Before the stage: nothing owed for the period, the visit is to come.
        (UNE, [], date(2026, 3, 1), [(VISITE, Etat.A_VENIR, date(2026, 3, 27))]),
        # Day 15 of the period: still in time.
        (
            UNE,
            [],
            date(2026, 3, 17),
            [
                (CONTACT, Etat.A_VENIR, date(2026, 3, 17)),
                (VISITE, Etat.A_VENIR, date(2026, 3, 27)),
            ],
        ),
        # The day after: late.
        (
            UNE,
            [],
            date(2026, 3, 18),
            [
                (CONTACT, Etat.EN_RETARD, date(2026, 3, 17)),
                (VISITE, Etat.A_VENIR, date(2026, 3, 27)),
            ],
        ),
        # A call within the period settles it; a call before the period does not.
        (
            UNE,
            [(date(2026, 3, 10), False)],
            date(2026, 3, 20),
            [(CONTACT, Etat.FAIT, date(2026, 3, 17)), (VISITE, Etat.A_VENIR, date(2026, 3, 27))],
        ),
        (
            UNE,
            [(date(2026, 2, 20), False)],
            date(2026, 3, 20),
            [
                (CONTACT, Etat.EN_RETARD, date(2026, 3, 17)),
                (VISITE, Etat.A_VENIR, date(2026, 3, 27)),
            ],
        ),
        # A visit is a contact of its period too, and settles the stage's visit.
        (
            UNE,
            [(date(2026, 3, 12), True)],
            date(2026, 4, 1),
            [(CONTACT, Etat.FAIT, date(2026, 3, 17)), (VISITE, Etat.FAIT, date(2026, 3, 27))],
        ),
        # After the stage without a visit: the visit is late.
        (
            UNE,
            [(date(2026, 3, 12), False)],
            date(2026, 3, 28),
            [
                (CONTACT, Etat.FAIT, date(2026, 3, 17)),
                (VISITE, Etat.EN_RETARD, date(2026, 3, 27)),
            ],
        ),
        # Two periods: the second owes its own contact; the visit is due at the last end.
        (
            DEUX,
            [(date(2026, 3, 12), False)],
            date(2026, 5, 20),
            [
                (CONTACT, Etat.FAIT, date(2026, 3, 17)),
                (CONTACT, Etat.EN_RETARD, date(2026, 5, 19)),
                (VISITE, Etat.A_VENIR, date(2026, 5, 29)),
            ],
        ),
    ],
)
def test_the_promised_contacts_and_their_delays(periodes, contacts, jour, attendu) -> None:  # type: ignore[no-untyped-def]
    assert _etats(periodes, contacts, jour) == attendu


def test_a_period_shorter_than_the_delay_owes_its_contact_by_its_last_day() -> None:
    courte = ((date(2026, 3, 2), date(2026, 3, 6)),)
    assert _etats(courte, [], date(2026, 3, 7))[0] == (CONTACT, Etat.EN_RETARD, date(2026, 3, 6))


def test_a_section_that_promises_two_contacts_counts_two() -> None:
    deux = Promesse(contacts_par_periode=2, delai_jours=15, visites_par_stage=0)
    lignes = echeances(
        periodes=UNE,
        contacts=[(date(2026, 3, 3), False)],
        promesse=deux,
        aujourdhui=date(2026, 3, 20),
    )
    assert [(e.faits, e.attendus, e.etat) for e in lignes] == [(1, 2, Etat.EN_RETARD)]


def test_the_promise_is_read_from_the_dated_settings() -> None:
    assert promesse(date(2026, 3, 2)) == Promesse(1, 15, 1)
