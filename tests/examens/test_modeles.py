"""The official models of the fiches, read from examens/modeles_fiches.yaml."""

import pytest

from examens.modeles import modele, modeles
from examens.models import TypeFiche


@pytest.mark.parametrize("type_fiche", TypeFiche.values)
def test_chaque_type_a_son_modele_et_des_cles_uniques(type_fiche: str) -> None:
    m = modele(type_fiche)
    cles = [c.cle for c in m.champs]
    assert cles and len(cles) == len(set(cles))
    assert all(0 < c.max <= 5000 for c in m.champs)


def test_une_fiche_e4_couvre_les_quatre_competences_du_bloc_1() -> None:
    # referentiel-ndrc.md §2.4: every E4 fiche has the targeting and the information sections.
    sections = {s.cle for s in modele("E4_NEGO").sections}
    assert {"cadre", "analyse", "deroulement", "ciblage", "bilan", "information"} <= sections
    assert modele("E4_EVENEMENT").annexe_offre and not modele("E6_PARTENAIRES").annexe_offre


def test_une_fiche_e6_dit_si_l_activite_a_ete_vecue() -> None:
    assert modele("E6_VENTE_DIRECTE").activite_reelle
    assert modele("E6_DISTRIBUTEURS").champ("diagnostic").obligatoire
    assert modeles().version == "circ-2025"
