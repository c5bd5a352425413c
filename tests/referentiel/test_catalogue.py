"""Reading the catalogue and adding to it."""

import pytest
from django.core.exceptions import ValidationError
from pytest_django import DjangoAssertNumQueries

from referentiel import services
from referentiel.models import (
    Competence,
    Force,
    Formation,
    SourceFamille,
    TypeReseau,
    VersionReferentiel,
)
from referentiel.selectors import (
    blocs_avec_competences,
    catalogue_missions,
    competences_des_missions,
    couverture_competences,
    missions_pour_competence,
    version_en_vigueur,
)


@pytest.fixture
def ndrc(db: None) -> Formation:
    return Formation.objects.get(code="BTS-NDRC")


@pytest.fixture
def version(db: None) -> VersionReferentiel:
    return VersionReferentiel.objects.get(code="NDRC-2018")


def test_it_finds_the_version_that_governs_an_exam_session(ndrc: Formation) -> None:
    assert version_en_vigueur(formation=ndrc, session=2027).code == "NDRC-2018"  # type: ignore[union-attr]
    assert version_en_vigueur(formation=ndrc, session=2019) is None


def test_it_reads_the_whole_catalogue_in_three_queries(
    ndrc: Formation, version: VersionReferentiel, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_num_queries(3):
        familles = list(catalogue_missions(formation=ndrc, version=version))
        liens = [
            lien.competence.code
            for f in familles
            for m in f.missions.all()
            for lien in m.liens_competences.all()
        ]
    assert len(familles) == 11
    assert "B3.1" in liens


def test_it_lists_the_main_competence_of_a_mission_first(
    ndrc: Formation, version: VersionReferentiel
) -> None:
    familles = list(catalogue_missions(formation=ndrc, version=version))
    campagnes = next(m for m in familles[3].missions.all() if m.code == "PROSPECTER.CAMPAGNES")
    assert [(lien.competence.code, lien.force) for lien in campagnes.liens_competences.all()] == [
        ("B1.1", Force.PRINCIPALE),
        ("B2.1", Force.SECONDAIRE),
        ("B2.2", Force.SECONDAIRE),
    ]


def test_it_reads_the_blocs_and_their_competences_in_two_queries(
    version: VersionReferentiel, django_assert_num_queries: DjangoAssertNumQueries
) -> None:
    with django_assert_num_queries(2):
        codes = [[c.code for c in b.competences.all()] for b in blocs_avec_competences(version)]
    assert codes == [
        ["B1.1", "B1.2", "B1.3", "B1.4"],
        ["B2.1", "B2.2", "B2.3"],
        ["B3.1", "B3.2", "B3.3"],
    ]


def test_it_shows_the_partner_and_direct_sales_networks_are_only_trained_incidentally(
    version: VersionReferentiel,
) -> None:
    couverture = {c.code: (c.principales, c.secondaires) for c in couverture_competences(version)}  # type: ignore[attr-defined]
    assert couverture["B3.2"] == (0, 1)
    assert couverture["B3.3"] == (0, 1)
    assert all(principales + secondaires > 0 for principales, secondaires in couverture.values())


def test_it_leaves_a_withdrawn_mission_out_of_the_catalogue(
    ndrc: Formation, version: VersionReferentiel
) -> None:
    b33 = Competence.objects.get(code="B3.3")
    mission = missions_pour_competence(b33).get()
    services.mission_retirer_du_catalogue(mission=mission)
    assert not missions_pour_competence(b33).exists()
    missions = [
        m for f in catalogue_missions(formation=ndrc, version=version) for m in f.missions.all()
    ]
    assert mission not in missions and len(missions) == 47


def test_it_adds_a_family_after_the_brochures_and_a_mission_for_partner_networks(
    ndrc: Formation, version: VersionReferentiel
) -> None:
    famille = services.famille_mission_creer(
        formation=ndrc, code="reseau_partenaires", libelle="Animer un réseau de partenaires"
    )
    assert (famille.code, famille.ordre, famille.source) == (
        "RESEAU_PARTENAIRES",
        12,
        SourceFamille.AJOUT,
    )
    mission = services.mission_creer(
        famille=famille,
        code="RECRUTER",
        libelle="Sélectionner et recruter des partenaires (franchisés, prescripteurs)",
        type_reseau=TypeReseau.PARTENAIRES,
        competences={Competence.objects.get(code="B3.2"): Force.PRINCIPALE},
    )
    assert list(
        competences_des_missions([mission], version=version).values_list("code", flat=True)
    ) == ["B3.2"]


def test_it_refuses_a_mission_without_a_main_competence(ndrc: Formation) -> None:
    famille = ndrc.familles_missions.get(code="COMMUNIQUER")
    with pytest.raises(ValidationError) as erreur:
        services.mission_creer(
            famille=famille,
            code="SMS",
            libelle="Campagnes de SMS",
            competences={Competence.objects.get(code="B2.1"): Force.SECONDAIRE},
        )
    assert erreur.value.message_dict["competences"] == [
        "Une mission travaille au moins une compétence à titre principal."
    ]


def test_it_refuses_a_family_code_already_used_in_french(ndrc: Formation) -> None:
    with pytest.raises(ValidationError) as erreur:
        services.famille_mission_creer(formation=ndrc, code="PROSPECTER", libelle="Doublon")
    assert erreur.value.messages == ["Ce code de famille existe déjà pour cette formation."]
