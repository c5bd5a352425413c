"""The range of values Stages accepts wherever they enter (forms, imports, the JSON interface,
services): a stage, a birth date, a headcount or an amount outside it is a typing error, never a
computation. One definition here, read by the engine's input and by the apps' validators.

Dates: from 1 January 1900 (a birth date) to 31 December 2100 (a stage far ahead); the law's
parameters only cover part of this range, and each rule says so for dates it does not know."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

DATE_MIN = date(1900, 1, 1)
DATE_MAX = date(2100, 12, 31)
MESSAGE_DATE = "La date doit être comprise entre le 01/01/1900 et le 31/12/2100."

# A headcount (R124-12) of a single organisation: the largest French employers have a few
# hundred thousand people; a figure above this is a typing error.
EFFECTIF_MAX = 1_000_000
# An amount in euros typed by a person (hourly gratification, a monthly amount, an earlier
# gratification): a million euros is far above any lawful stage.
MONTANT_MAX = Decimal("1000000")
# Minutes in a day.
MINUTES_JOUR_MAX = 24 * 60


def date_dans_les_bornes(jour: date) -> bool:
    return DATE_MIN <= jour <= DATE_MAX
