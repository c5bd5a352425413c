"""The zone A calendar: vectors H1–H4 and H9, the public holidays of regles-stage.md §7,
and the local override file."""

from datetime import date
from pathlib import Path

import pytest

from regles.calendrier import Calendrier, SurchargesInvalides, calendrier
from regles.modele import Convention, Periode
from regles.presence import jours_prevus

SEMAINE_7H = (420, 420, 420, 420, 420, 0, 0)


def stage(debut: date, fin: date) -> Convention:
    return Convention(
        id="c1",
        etudiant="e1",
        siren="123456789",
        periodes=(Periode(debut, fin),),
        horaire=SEMAINE_7H,
    )


@pytest.mark.parametrize(
    ("debut", "fin", "jours", "heures"),
    [
        (date(2026, 3, 2), date(2026, 3, 27), 20, 140),
        (date(2026, 3, 30), date(2026, 4, 24), 19, 133),
        (date(2026, 5, 1), date(2026, 5, 31), 17, 119),
        (date(2026, 7, 6), date(2026, 7, 31), 19, 133),
    ],
    ids=[
        "H1 mars 2026 : quatre semaines pleines sans ferie",
        "H2 Lundi de Paques 6 avril retire",
        "H3 mai 2026 : 1, 8, 14 et 25 mai retires, pont du 15 compte",
        "H4 juillet 2026 : 14 juillet retire",
    ],
)
def test_planned_days_skip_public_holidays(debut: date, fin: date, jours: int, heures: int) -> None:
    prevus = jours_prevus(stage(debut, fin), calendrier=calendrier("A"))
    assert len(prevus) == jours
    assert sum(prevus.values()) == heures * 60


def test_h9_the_winter_holidays_of_zone_a_cover_10_february_2026() -> None:
    cal = calendrier("A")
    assert cal.est_vacances(date(2026, 2, 10))
    assert cal.nom_vacances(date(2026, 2, 10)) == "Vacances d'hiver"
    # Bounds of §7: 7–22 Feb 2026; the day before and the day of resumption are school days.
    assert cal.est_vacances(date(2026, 2, 7)) and cal.est_vacances(date(2026, 2, 22))
    assert not cal.est_vacances(date(2026, 2, 6)) and not cal.est_vacances(date(2026, 2, 23))


@pytest.mark.parametrize(
    ("zone", "vacances"),
    [("B", False), ("C", False), ("A", True)],
    ids=[
        "zone B : hiver a partir du 14 fevrier",
        "zone C : hiver a partir du 21 fevrier",
        "zone A : hiver du 7 au 22 fevrier",
    ],
)
def test_winter_holidays_depend_on_the_zone(zone: str, vacances: bool) -> None:
    assert Calendrier(zone=zone).est_vacances(date(2026, 2, 10)) is vacances


FERIES = {
    2025: [
        "01-01",
        "04-21",
        "05-01",
        "05-08",
        "05-29",
        "06-09",
        "07-14",
        "08-15",
        "11-01",
        "11-11",
        "12-25",
    ],
    2026: [
        "01-01",
        "04-06",
        "05-01",
        "05-08",
        "05-14",
        "05-25",
        "07-14",
        "08-15",
        "11-01",
        "11-11",
        "12-25",
    ],
    2027: [
        "01-01",
        "03-29",
        "05-01",
        "05-08",
        "05-06",
        "05-17",
        "07-14",
        "08-15",
        "11-01",
        "11-11",
        "12-25",
    ],
}


@pytest.mark.parametrize(
    "annee", sorted(FERIES), ids=[f"feries {a} (tableau §7)" for a in sorted(FERIES)]
)
def test_public_holidays_are_exactly_the_table_of_section_7(annee: int) -> None:
    attendus = {date.fromisoformat(f"{annee}-{mm_jj}") for mm_jj in FERIES[annee]}
    assert set(calendrier("A").feries(annee)) == attendus


@pytest.mark.parametrize(
    ("jour", "ferie"),
    [
        (date(2026, 4, 5), False),
        (date(2026, 4, 6), True),
        (date(2026, 5, 24), False),
        (date(2026, 5, 15), False),
        (date(2026, 12, 26), False),
    ],
    ids=[
        "dimanche de Paques : pas un ferie en plus",
        "lundi de Paques",
        "dimanche de Pentecote : pas un ferie en plus",
        "pont de l'Ascension : vacances scolaires, pas ferie",
        "26 decembre : ferie seulement en Alsace-Moselle",
    ],
)
def test_est_ferie(jour: date, ferie: bool) -> None:
    assert calendrier("A").est_ferie(jour) is ferie


@pytest.mark.parametrize(
    ("jour", "vacances"),
    [
        (date(2026, 5, 14), False),
        (date(2026, 5, 15), True),
        (date(2026, 5, 16), True),
        (date(2026, 5, 18), False),
    ],
    ids=[
        "jeudi de l'Ascension : ferie, pas vacances",
        "vendredi 15 mai : pont",
        "samedi 16 mai : pont",
        "lundi 18 mai : reprise",
    ],
)
def test_the_ascension_bridge_2026_comes_from_the_override_file(jour: date, vacances: bool) -> None:
    cal = calendrier("A")
    assert cal.est_vacances(jour) is vacances
    if vacances:
        assert cal.nom_vacances(jour) == "Pont de l'Ascension"


def test_without_the_override_file_the_bridge_is_a_school_day(tmp_path: Path) -> None:
    vide = tmp_path / "surcharges.yaml"
    vide.write_text("vacances: []\n", encoding="utf-8")
    assert not Calendrier(zone="A", surcharges=vide).est_vacances(date(2026, 5, 15))


def test_an_override_for_another_zone_is_ignored(tmp_path: Path) -> None:
    fichier = tmp_path / "surcharges.yaml"
    fichier.write_text(
        "vacances:\n  - {debut: 2026-06-01, fin: 2026-06-02, zones: [B], libelle: Journée banalisée}\n",
        encoding="utf-8",
    )
    assert not Calendrier(zone="A", surcharges=fichier).est_vacances(date(2026, 6, 1))
    assert (
        Calendrier(zone="B", surcharges=fichier).nom_vacances(date(2026, 6, 2))
        == "Journée banalisée"
    )


@pytest.mark.parametrize(
    "texte",
    [
        "- une liste au lieu d'un dictionnaire\n",
        "vacances: {debut: 2026-05-15}\n",
        "vacances:\n  - 2026-05-15\n",
        "vacances:\n  - {debut: 2026-05-16, fin: 2026-05-15, libelle: Pont}\n",
        "vacances:\n  - {debut: 15/05/2026, libelle: Pont}\n",
        "jours_feries:\n  - {date: 2026-06-01}\n",
    ],
    ids=[
        "racine qui n'est pas un dictionnaire",
        "vacances qui ne sont pas une liste",
        "entree qui n'est pas un dictionnaire",
        "fin avant debut",
        "date au format francais",
        "libelle manquant",
    ],
)
def test_a_malformed_override_file_is_refused_with_its_path(tmp_path: Path, texte: str) -> None:
    fichier = tmp_path / "surcharges.yaml"
    fichier.write_text(texte, encoding="utf-8")
    with pytest.raises(SurchargesInvalides) as erreur:
        Calendrier(zone="A", surcharges=fichier)
    assert str(fichier) in str(erreur.value)


def test_summer_holidays_of_2026_in_zone_a() -> None:
    ete = calendrier("A").vacances_ete(2026)
    assert ete is not None
    assert (ete.debut, ete.fin) == (date(2026, 7, 4), date(2026, 8, 31))
