"""Contributions on the excess of a gratification over the franchise (R-SOC-2, R-SOC-3).

Only the excess (`regles.franchise.ventiler`) bears contributions. The rates are those of
URSSAF's simulator, dated in `parametres/cotisations/`; the host's AT/MP and versement
mobilité rates are its own, so the result is an estimate and must be shown as one. Not
modelled: the contribution supplémentaire à l'apprentissage of hosts of 250 staff or more,
which depends on their share of work-study contracts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from regles.format import arrondi_centime
from regles.parametres import Parametres, parametres

STAGIAIRE = "stagiaire"
ORGANISME = "organisme"
_ZERO = Decimal(0)

LIBELLES = {
    "vieillesse_plafonnee": "Vieillesse plafonnée",
    "vieillesse_deplafonnee": "Vieillesse déplafonnée",
    "csg_deductible": "CSG déductible",
    "csg_non_deductible": "CSG non déductible",
    "crds": "CRDS",
    "maladie": "Maladie, maternité, invalidité, décès",
    "allocations_familiales": "Allocations familiales",
    "atmp": "Accidents du travail et maladies professionnelles",
    "fnal": "Fonds national d'aide au logement",
    "csa": "Contribution solidarité autonomie",
    "formation_professionnelle": "Formation professionnelle",
    "taxe_apprentissage": "Taxe d'apprentissage",
    "taxe_apprentissage_solde": "Solde de la taxe d'apprentissage",
    "peec": "Participation à l'effort de construction",
    "versement_mobilite": "Versement mobilité",
}

# The rates read from `parametres/cotisations/<redevable>/<name>.yaml`.
_TAUX = (
    "stagiaire.vieillesse_plafonnee",
    "stagiaire.vieillesse_deplafonnee",
    "stagiaire.csg_deductible",
    "stagiaire.csg_non_deductible",
    "stagiaire.crds",
    "stagiaire.maladie",
    "organisme.maladie",
    "organisme.vieillesse_plafonnee",
    "organisme.vieillesse_deplafonnee",
    "organisme.allocations_familiales",
    "organisme.atmp",
    "organisme.fnal",
    "organisme.fnal_reduit",
    "organisme.csa",
    "organisme.formation_professionnelle",
    "organisme.formation_professionnelle_reduite",
    "organisme.taxe_apprentissage",
    "organisme.taxe_apprentissage_solde",
    "organisme.peec",
)


@dataclass(frozen=True, slots=True)
class LigneCotisation:
    code: str
    libelle: str
    redevable: str  # STAGIAIRE or ORGANISME
    assiette: Decimal
    taux: Decimal
    # Unrounded: rounding each line would drift from the total (S1: 22,85 instead of 22,83).
    montant: Decimal


@dataclass(frozen=True, slots=True)
class Cotisations:
    lignes: tuple[LigneCotisation, ...]
    stagiaire: Decimal  # rounded half-up to the cent from the unrounded sum of the lines
    organisme: Decimal


def estimer_cotisations(
    *,
    excedent: Decimal,
    mois: date,
    effectif: int | None,
    taux_atmp: Decimal | None = None,
    taux_versement_mobilite: Decimal = _ZERO,
    p: Parametres | None = None,
) -> Cotisations:
    """Contributions of the intern and of the host on `excedent`, paid for the month `mois`.

    `effectif=None` (headcount unknown) is treated as the smallest size: reduced FNAL and
    formation professionnelle rates, no PEEC, no versement mobilité. `taux_atmp=None` takes
    the national average rate. `taux_versement_mobilite` only applies from the headcount
    threshold `cotisations.effectif.seuil_formation_mobilite` on.
    """
    if excedent < 0:
        raise ValueError(f"Excédent négatif : {excedent}")
    if (taux_atmp is not None and taux_atmp < 0) or taux_versement_mobilite < 0:
        raise ValueError("Un taux de cotisation ne peut pas être négatif")
    b = _bareme(p or parametres(), mois)
    t = b.taux
    plafonne = min(excedent, b.pss)
    assiette_csg = min(excedent, b.limite_abattement) * b.part_csg + max(
        excedent - b.limite_abattement, _ZERO
    )
    taille = 0 if effectif is None else effectif
    moyen = taille >= b.seuil_moyen
    grand = taille >= b.seuil_fnal

    elements = [
        (STAGIAIRE, "vieillesse_plafonnee", plafonne, t["stagiaire.vieillesse_plafonnee"]),
        (STAGIAIRE, "vieillesse_deplafonnee", excedent, t["stagiaire.vieillesse_deplafonnee"]),
        (STAGIAIRE, "csg_deductible", assiette_csg, t["stagiaire.csg_deductible"]),
        (STAGIAIRE, "csg_non_deductible", assiette_csg, t["stagiaire.csg_non_deductible"]),
        (STAGIAIRE, "crds", assiette_csg, t["stagiaire.crds"]),
        (ORGANISME, "maladie", excedent, t["organisme.maladie"]),
        (ORGANISME, "vieillesse_plafonnee", plafonne, t["organisme.vieillesse_plafonnee"]),
        (ORGANISME, "vieillesse_deplafonnee", excedent, t["organisme.vieillesse_deplafonnee"]),
        (ORGANISME, "allocations_familiales", excedent, t["organisme.allocations_familiales"]),
        (ORGANISME, "atmp", excedent, t["organisme.atmp"] if taux_atmp is None else taux_atmp),
        (
            (ORGANISME, "fnal", excedent, t["organisme.fnal"])
            if grand
            else (ORGANISME, "fnal", plafonne, t["organisme.fnal_reduit"])
        ),
        (ORGANISME, "csa", excedent, t["organisme.csa"]),
        (
            ORGANISME,
            "formation_professionnelle",
            excedent,
            t[
                "organisme.formation_professionnelle"
                if moyen
                else "organisme.formation_professionnelle_reduite"
            ],
        ),
        (ORGANISME, "taxe_apprentissage", excedent, t["organisme.taxe_apprentissage"]),
        (ORGANISME, "taxe_apprentissage_solde", excedent, t["organisme.taxe_apprentissage_solde"]),
    ]
    if t["stagiaire.maladie"]:  # the intern's 0,75 % until 2017, none since 2018
        elements.insert(5, (STAGIAIRE, "maladie", excedent, t["stagiaire.maladie"]))
    if grand:
        elements.append((ORGANISME, "peec", excedent, t["organisme.peec"]))
    if moyen and taux_versement_mobilite:
        elements.append((ORGANISME, "versement_mobilite", excedent, taux_versement_mobilite))

    lignes = tuple(
        LigneCotisation(code, LIBELLES[code], redevable, assiette, taux, assiette * taux)
        for redevable, code, assiette, taux in elements
    )
    return Cotisations(
        lignes=lignes,
        stagiaire=_total(lignes, STAGIAIRE),
        organisme=_total(lignes, ORGANISME),
    )


def _total(lignes: tuple[LigneCotisation, ...], redevable: str) -> Decimal:
    montants = (ligne.montant for ligne in lignes if ligne.redevable == redevable)
    return arrondi_centime(sum(montants, _ZERO))


@dataclass(frozen=True, slots=True)
class _Bareme:
    """The figures of one month."""

    pss: Decimal
    limite_abattement: Decimal  # the 1,75 % CSG/CRDS allowance stops there (L136-1-2)
    part_csg: Decimal
    seuil_moyen: int
    seuil_fnal: int
    taux: Mapping[str, Decimal]

    @classmethod
    def lire(cls, p: Parametres, mois: date) -> _Bareme:
        pss = p.decimal("securite_sociale.plafond_mensuel", mois)
        return cls(
            pss=pss,
            limite_abattement=pss
            * p.decimal("cotisations.stagiaire.plafond_abattement_csg_crds", mois),
            part_csg=p.decimal("cotisations.stagiaire.assiette_csg_crds", mois),
            seuil_moyen=p.entier("cotisations.effectif.seuil_formation_mobilite", mois),
            seuil_fnal=p.entier("cotisations.effectif.seuil_fnal_peec", mois),
            taux={nom: p.decimal(f"cotisations.{nom}", mois) for nom in _TAUX},
        )


# Rates only change on their dates of effect, and a school's audit asks for the same few
# months thousands of times: read each month once. Keyed by identity because `Parametres` is
# an unhashable mapping; the entry keeps its `p` alive, so the identity cannot be reused.
_BAREMES: dict[tuple[int, date], tuple[Parametres, _Bareme]] = {}
_BAREMES_MAX = 4096


def _bareme(p: Parametres, mois: date) -> _Bareme:
    trouve = _BAREMES.get((id(p), mois))
    if trouve is not None and trouve[0] is p:
        return trouve[1]
    if len(_BAREMES) >= _BAREMES_MAX:
        _BAREMES.clear()
    bareme = _Bareme.lire(p, mois)
    _BAREMES[id(p), mois] = (p, bareme)
    return bareme
