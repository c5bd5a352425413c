"""Our contributions against URSSAF's own rules (modele-social 11.1.0 run by publicodes).

The two engines do not exempt the same amount. URSSAF's simulator exempts 15 % of the
monthly PSS whatever the hours (`salarié . contrat . stage . gratification minimale`: 600,75 €
in 2026); the law, and `regles.franchise`, exempt hours of the month × 15 % × PHSS (R-SOC-1,
R-SOC-4: 154 h in 2026 give 693,00 €). Comparing what each engine asks for the same payment
would only measure that gap. So both get the same base: `tools/urssaf/cotisations.mjs` sets
the gross pay to our excess + URSSAF's franchise, their contribution base is then our excess,
and the intern's and host's totals must agree to the cent.

Two known differences are kept out of the comparison:
- above the PSS, modele-social charges the Agirc-Arrco CET to an intern (its stage rule makes
  the complementary pension and the CEG non applicable, not the CET): its amounts are
  subtracted from theirs, and a test of its own pins the behaviour;
- from 250 staff, their contribution supplémentaire à l'apprentissage depends on the share
  of work-study contracts, which we do not model: the headcounts drawn stay below 250.

Node runs once per session, on two threads (publicodes needs about 65 ms a situation), on
seeded random months from 2023 on: years where their dated rules (PSS, AT/MP average rate,
employer vieillesse déplafonnée) hold real values. Our rates go back to 2015
(`test_cotisations_historique`); modele-social does not date its rates that far back.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from regles.cotisations import ORGANISME, STAGIAIRE, Cotisations, estimer_cotisations
from regles.format import arrondi_centime
from regles.franchise import franchise, ventiler
from regles.gratification import taux_minimal
from regles.parametres import parametres

pytestmark = pytest.mark.urssaf

URSSAF = Path(__file__).resolve().parents[2] / "tools" / "urssaf"
CAS = 200
GRAINE = 20260101
EFFECTIFS = (None, 1, 4, 10, 11, 12, 19, 20, 49, 50, 51, 120, 249)
# Float noise in their sums stays far below this; a rate error does not.
TOLERANCE = Decimal("1e-6")


@dataclass(frozen=True)
class Cas:
    mois: date
    minutes: int
    verse: Decimal
    franchise: Decimal
    excedent: Decimal
    effectif: int | None
    taux_atmp: Decimal | None
    taux_versement_mobilite: Decimal

    def nous(self) -> Cotisations:
        return estimer_cotisations(
            excedent=self.excedent,
            mois=self.mois,
            effectif=self.effectif,
            taux_atmp=self.taux_atmp,
            taux_versement_mobilite=self.taux_versement_mobilite,
        )

    def situation(self) -> str:
        return json.dumps(
            {
                "mois": self.mois.isoformat(),
                "excedent": str(self.excedent),
                "effectif": self.effectif,
                "taux_atmp": None if self.taux_atmp is None else _pourcent(self.taux_atmp),
                "taux_versement_mobilite": _pourcent(self.taux_versement_mobilite),
            }
        )


@dataclass(frozen=True)
class Urssaf:
    franchise: Decimal
    assiette: Decimal
    stagiaire: Decimal  # CET left out
    organisme: Decimal
    cet: Decimal


def _pourcent(taux: Decimal) -> str:
    return format(taux * 100, "f")


def _tirer() -> list[Cas]:
    """Seeded months, hours and payments: one in ten pays far above the PSS (caps), one in
    ten stays within the franchise."""
    rng = random.Random(GRAINE)
    pss = parametres().decimal("securite_sociale.plafond_mensuel", date(2026, 1, 1))
    cas = []
    for i in range(CAS):
        mois = date(rng.randint(2023, 2026), rng.randint(1, 12), 1)
        minutes = rng.randrange(0, 200 * 60 + 1, 15)
        exonere_max = franchise(minutes=minutes, signature=mois, mois=mois)
        if i % 10 == 0:
            verse = Decimal(rng.randint(int(pss) * 100, 5 * int(pss) * 100)) / 100
        elif i % 10 == 1:
            verse = arrondi_centime(exonere_max * Decimal(rng.random()))
        else:
            verse = arrondi_centime(
                exonere_max * Decimal(rng.uniform(0.8, 2.5)) + Decimal(rng.randint(0, 30000)) / 100
            )
        _, excedent = ventiler(verse=verse, franchise=exonere_max)
        cas.append(
            Cas(
                mois=mois,
                minutes=minutes,
                verse=verse,
                franchise=exonere_max,
                excedent=excedent,
                effectif=rng.choice(EFFECTIFS),
                taux_atmp=rng.choice([None, Decimal(rng.randint(60, 600)) / 10000]),
                taux_versement_mobilite=rng.choice(
                    [Decimal(0), Decimal(rng.randint(55, 320)) / 10000]
                ),
            )
        )
    return cas


def _installer() -> None:
    """`npm ci` when tools/urssaf/node_modules is missing: this test never skips."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        pytest.fail("Node.js et npm sont nécessaires au test différentiel URSSAF (make urssaf).")
    paquets = URSSAF / "node_modules"
    if all((paquets / nom / "package.json").exists() for nom in ("modele-social", "publicodes")):
        return
    installation = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],
        cwd=URSSAF,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if installation.returncode != 0:
        pytest.fail(f"npm ci a échoué dans {URSSAF} :\n{installation.stderr}")


@pytest.fixture(scope="session")
def comparaison() -> list[tuple[Cas, Urssaf]]:
    _installer()
    cas = _tirer()
    calcul = subprocess.run(
        ["node", "cotisations.mjs", "--fils", str(min(2, os.cpu_count() or 1))],
        cwd=URSSAF,
        input="\n".join(c.situation() for c in cas) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if calcul.returncode != 0:
        pytest.fail(f"cotisations.mjs a échoué :\n{calcul.stderr}")
    resultats = [json.loads(ligne, parse_float=Decimal) for ligne in calcul.stdout.splitlines()]
    assert len(resultats) == len(cas)
    return [
        (
            c,
            Urssaf(
                franchise=Decimal(r["franchise"]),
                assiette=Decimal(r["assiette"]),
                stagiaire=Decimal(r["stagiaire"]) - Decimal(r["cet_stagiaire"]),
                organisme=Decimal(r["organisme"]) - Decimal(r["cet_organisme"]),
                cet=Decimal(r["cet_stagiaire"]) + Decimal(r["cet_organisme"]),
            ),
        )
        for c, r in zip(cas, resultats, strict=True)
    ]


def _au_centime(montant: Decimal) -> Decimal:
    # Their floats carry noise around 1e-13; drop it before rounding half-up like we do.
    return arrondi_centime(montant.quantize(Decimal("1e-9")))


def _exact(cotisations: Cotisations, redevable: str) -> Decimal:
    montants = (ligne.montant for ligne in cotisations.lignes if ligne.redevable == redevable)
    return sum(montants, Decimal(0))


def _ecarts(
    comparaison: list[tuple[Cas, Urssaf]],
) -> Iterator[tuple[Cas, str, Decimal, Decimal, Decimal]]:
    for cas, urssaf in comparaison:
        nous = cas.nous()
        for redevable, total, leur in (
            (STAGIAIRE, nous.stagiaire, urssaf.stagiaire),
            (ORGANISME, nous.organisme, urssaf.organisme),
        ):
            yield cas, redevable, total, leur, abs(_exact(nous, redevable) - leur)


def test_the_cases_cover_every_year_and_both_sides_of_each_threshold(
    comparaison: list[tuple[Cas, Urssaf]],
) -> None:
    cas = [c for c, _ in comparaison]
    assert {c.mois.year for c in cas} == {2023, 2024, 2025, 2026}
    assert {c.effectif for c in cas} == set(EFFECTIFS)
    assert sum(c.excedent == 0 for c in cas) >= 10
    assert sum(c.excedent > 4 * 4005 for c in cas) >= 3  # beyond the CSG allowance limit


def test_their_base_is_our_excess(comparaison: list[tuple[Cas, Urssaf]]) -> None:
    for cas, urssaf in comparaison:
        assert abs(urssaf.assiette - cas.excedent) < TOLERANCE, cas


def test_their_franchise_is_15_percent_of_the_monthly_pss_not_the_hours(
    comparaison: list[tuple[Cas, Urssaf]],
) -> None:
    p = parametres()
    for cas, urssaf in comparaison:
        pss = p.decimal("securite_sociale.plafond_mensuel", cas.mois)
        assert urssaf.franchise == taux_minimal(cas.mois) * pss, cas
    # With the hours, the legal franchise almost never equals theirs (R-SOC-4).
    assert sum(cas.franchise != urssaf.franchise for cas, urssaf in comparaison) > 0.9 * CAS


def test_the_totals_agree_to_the_cent(comparaison: list[tuple[Cas, Urssaf]]) -> None:
    ecarts = list(_ecarts(comparaison))
    differents = [
        (cas, redevable, total, leur)
        for cas, redevable, total, leur, ecart in ecarts
        if total != _au_centime(leur) or ecart >= TOLERANCE
    ]
    assert not differents, f"{len(differents)} écarts sur {len(ecarts)}, dont : {differents[:5]}"


def test_their_engine_charges_the_cet_to_an_intern_above_the_pss(
    comparaison: list[tuple[Cas, Urssaf]],
) -> None:
    p = parametres()
    for cas, urssaf in comparaison:
        au_dessus = cas.excedent > p.decimal("securite_sociale.plafond_mensuel", cas.mois)
        assert (urssaf.cet > 0) == au_dessus, cas
