"""The BTS NDRC seeded by migration: the 2018 referential and the brochure's catalogue."""

from django.db.models import Count

from referentiel.models import (
    Bloc,
    Competence,
    FamilleMission,
    Force,
    Mission,
    SourceFamille,
    VersionReferentiel,
)


def test_it_seeds_the_three_blocs_with_their_exam_units_and_coefficients(db: None) -> None:
    blocs = Bloc.objects.filter(version__code="NDRC-2018").order_by("code")
    assert [(b.code, b.unite, b.epreuve, b.coefficient) for b in blocs] == [
        ("B1", "U4", "E4", 5),
        ("B2", "U5", "E5", 4),
        ("B3", "U6", "E6", 3),
    ]
    assert blocs[0].libelle == "Relation client et négociation-vente"


def test_it_seeds_ten_competences_four_three_and_three(db: None) -> None:
    codes = list(
        Competence.objects.filter(bloc__version__code="NDRC-2018")
        .order_by("code")
        .values_list("code", flat=True)
    )
    assert codes == ["B1.1", "B1.2", "B1.3", "B1.4", "B2.1", "B2.2", "B2.3", "B3.1", "B3.2", "B3.3"]


def test_it_keeps_the_other_official_wording_of_a_competence(db: None) -> None:
    b32 = Competence.objects.get(code="B3.2")
    assert b32.libelle == "Développer et animer un réseau de partenaires"
    assert b32.variante_libelle == "Développer et piloter un réseau de partenaires"


def test_it_dates_the_version_from_the_first_session_of_the_2018_arrete(db: None) -> None:
    version = VersionReferentiel.objects.get(code="NDRC-2018")
    assert (version.formation.code, version.session_debut, version.session_fin) == (
        "BTS-NDRC",
        2020,
        None,
    )
    assert "19 février 2018" in version.texte_source


def test_it_seeds_the_brochures_eleven_mission_families_in_order(db: None) -> None:
    familles = FamilleMission.objects.filter(formation__code="BTS-NDRC").order_by("ordre")
    assert familles.count() == 11
    assert {f.source for f in familles} == {SourceFamille.PLAQUETTE}
    assert [f.ordre for f in familles] == list(range(1, 12))
    assert familles.first().libelle == "Servir le client et suivre les commandes en cours"  # type: ignore[union-attr]
    assert familles.last().libelle == "Promotion des ventes"  # type: ignore[union-attr]


def test_it_seeds_every_mission_of_the_brochure(db: None) -> None:
    par_famille = dict(
        FamilleMission.objects.annotate(n=Count("missions")).values_list("code", "n")
    )
    assert par_famille == {
        "SERVIR_CLIENT": 3,
        "GERER_PORTEFEUILLE": 2,
        "RENTABILISER_PORTEFEUILLE": 5,
        "PROSPECTER": 6,
        "FIDELISER": 4,
        "DISTRIBUTEURS": 4,
        "E_COMMERCE": 8,
        "RESEAUX_SOCIAUX": 4,
        "COMMUNIQUER": 6,
        "EVENEMENTS": 3,
        "PROMOTION_VENTES": 3,
    }
    assert Mission.objects.filter(actif=True).count() == 48


def test_it_maps_every_mission_to_at_least_one_main_competence(db: None) -> None:
    sans_principale = Mission.objects.exclude(liens_competences__force=Force.PRINCIPALE)
    assert list(sans_principale) == []
    assert not Mission.objects.annotate(n=Count("liens_competences")).filter(n=0).exists()


def test_it_maps_the_distributor_missions_to_b31_as_e6_material(db: None) -> None:
    for mission in Mission.objects.filter(famille__code="DISTRIBUTEURS"):
        principales = mission.liens_competences.filter(force=Force.PRINCIPALE)
        assert [lien.competence.code for lien in principales] == ["B3.1"]
        assert mission.type_reseau == "distributeurs"


def test_it_splits_sales_promotion_by_the_place_it_happens_in(db: None) -> None:
    principales = {
        m.code: m.liens_competences.get(force=Force.PRINCIPALE).competence.code
        for m in Mission.objects.filter(famille__code="PROMOTION_VENTES")
    }
    assert principales == {
        "PROMOTION_VENTES.CHEZ_DISTRIBUTEUR": "B3.1",
        "PROMOTION_VENTES.LORS_EVENEMENT": "B1.3",
        "PROMOTION_VENTES.EN_LIGNE": "B2.3",
    }
