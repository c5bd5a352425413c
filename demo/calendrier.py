"""The demo's dates. The story is told as seen on Friday 27 November 2026: the 2025 cohort is
in its second year and on its November stage, the 2026 cohort prepares its first stage in
January, the 2024 cohort sat its exam in the 2026 session (its stages all over). The engine never reads the clock, and neither does the demo: a demo built later
tells the same story on the same dates."""

from __future__ import annotations

from datetime import date

JOUR_DE_LA_DEMO = date(2026, 11, 27)
# The last day of presence logged by the hosts: the day before the demo's day.
DERNIER_JOUR_RELEVE = date(2026, 11, 26)

# The section's stage calendar (the brochure's "Annexe 1"): 4 weeks in January and 4 weeks
# in June in year 1, 4 weeks in November and 4 weeks in January in year 2, 20 days each.
# (libellé, année de début, [(année de formation, libellé, début, fin)])
PROMOTIONS = (
    (
        "NDRC 2025-2027",
        2025,
        (
            (1, "Stage de janvier", date(2026, 1, 5), date(2026, 1, 30)),
            (1, "Stage de juin", date(2026, 6, 1), date(2026, 6, 26)),
            (2, "Stage de novembre", date(2026, 11, 16), date(2026, 12, 11)),
            (2, "Stage de janvier", date(2027, 1, 18), date(2027, 2, 12)),
        ),
    ),
    (
        "NDRC 2026-2028",
        2026,
        (
            (1, "Stage de janvier", date(2027, 1, 4), date(2027, 1, 29)),
            (1, "Stage de juin", date(2027, 5, 31), date(2027, 6, 25)),
            (2, "Stage de novembre", date(2027, 11, 15), date(2027, 12, 10)),
            (2, "Stage de janvier", date(2028, 1, 17), date(2028, 2, 11)),
        ),
    ),
    # The cohort of the 2026 exam session, graduated: its last stage, after the winter
    # holidays, ended on 20 March 2026 and was attested a week later, before the session's
    # deposit deadline (early April). June 2025 runs to Monday 30 to make up Whit Monday.
    (
        "NDRC 2024-2026",
        2024,
        (
            (1, "Stage de janvier", date(2025, 1, 6), date(2025, 1, 31)),
            (1, "Stage de juin", date(2025, 6, 2), date(2025, 6, 30)),
            (2, "Stage de novembre", date(2025, 11, 17), date(2025, 12, 12)),
            (2, "Stage de fin d'hiver", date(2026, 2, 23), date(2026, 3, 20)),
        ),
    ),
)
JOURS_VISES = 20

A_JANVIER_2026 = PROMOTIONS[0][2][0][2:]
A_JUIN_2026 = PROMOTIONS[0][2][1][2:]
A_NOVEMBRE_2026 = PROMOTIONS[0][2][2][2:]
A_JANVIER_2027 = PROMOTIONS[0][2][3][2:]
B_JANVIER_2027 = PROMOTIONS[1][2][0][2:]
D_JANVIER_2025 = PROMOTIONS[2][2][0][2:]
D_JUIN_2025 = PROMOTIONS[2][2][1][2:]
D_NOVEMBRE_2025 = PROMOTIONS[2][2][2][2:]
D_FIN_HIVER_2026 = PROMOTIONS[2][2][3][2:]

# A holiday extension after the June stage, in the summer holidays of zone A (from 4 July
# 2026): 6 to 24 July leaves 38 free days before the new school year, more than the 28 of
# the summer-rest rule.
PROLONGATION_JUILLET_2026 = (date(2026, 7, 6), date(2026, 7, 24))

# Mathis leaves his November stage on the Friday of its first week.
RUPTURE_DERNIER_JOUR = date(2026, 11, 20)
