"""One evaluation for many conventions: the neighbours the law compares them with are the
conventions in force at the same host that share a civil week with them or hold the same
post; they are read without their presence logs."""

from __future__ import annotations

from datetime import date

from conventions.models import Convention, Statut
from conventions.moteur import avec_details
from organismes.models import OrganismeAccueil
from pilotage.evaluation import evaluer_conventions, voisines
from tests import fabriques

MARS = ((date(2026, 3, 2), date(2026, 3, 27)),)


def _en_vigueur(hote: OrganismeAccueil, periodes: object, **champs: object) -> Convention:
    convention = fabriques.convention(organisme_=hote, periodes=periodes, **champs)
    Convention.objects.filter(pk=convention.pk).update(statut=Statut.VALIDEE)
    return convention


def _charger(*conventions: Convention) -> list[Convention]:
    return list(avec_details(Convention.objects.filter(pk__in=[c.pk for c in conventions])))


def test_neighbours_share_a_civil_week_or_the_post(db: None) -> None:
    hote = fabriques.organisme(effectif=None)
    la_mienne = _en_vigueur(hote, MARS, poste="Commercial sédentaire")
    meme_semaine = _en_vigueur(hote, ((date(2026, 3, 27), date(2026, 4, 10)),))
    # Monday 30 March: the week after the last one of mine.
    semaine_suivante = _en_vigueur(hote, ((date(2026, 3, 30), date(2026, 4, 10)),))
    meme_poste = _en_vigueur(
        hote, ((date(2025, 11, 3), date(2025, 11, 28)),), poste="Commercial sédentaire"
    )
    brouillon = fabriques.convention(organisme_=hote, periodes=MARS)  # not in force
    ailleurs = _en_vigueur(fabriques.organisme(effectif=None), MARS)

    trouvees = {c.pk for c in voisines(_charger(la_mienne))}

    assert meme_semaine.pk in trouvees and meme_poste.pk in trouvees
    assert not {semaine_suivante.pk, brouillon.pk, ailleurs.pk} & trouvees


def test_the_evaluated_logs_count_and_the_neighbours_are_compared_by_their_periods(
    db: None,
) -> None:
    hote = fabriques.organisme(effectif=None)
    la_mienne = _en_vigueur(hote, MARS)
    la_mienne.pointages.create(jour=date(2026, 3, 2), minutes_presence=60)
    voisine = _en_vigueur(hote, MARS)
    voisine.pointages.create(jour=date(2026, 3, 2), minutes_presence=60)
    conventions = _charger(la_mienne)
    (lue,) = voisines(conventions)
    assert lue.pk == voisine.pk

    evaluation = evaluer_conventions(conventions, [lue])

    def jours_pointes(c: Convention) -> int:
        return sum(1 for j in evaluation.conventions[str(c.pk)].jours if j.reel)

    assert jours_pointes(la_mienne) == 1  # its log is the record up to its last day
    assert jours_pointes(voisine) == 0  # another student's log is not read


def test_the_neighbours_count_in_the_quota_of_the_evaluated_ones(db: None) -> None:
    hote = fabriques.organisme(effectif=12)  # a quota of 3
    la_mienne = _en_vigueur(hote, MARS)
    for _ in range(3):
        _en_vigueur(hote, MARS)
    conventions = _charger(la_mienne)
    seule = evaluer_conventions(conventions)
    avec = evaluer_conventions(conventions, voisines(conventions))
    assert "QUOTA_DEPASSE" not in [k.code for k in seule.conventions[str(la_mienne.pk)].constats]
    assert "QUOTA_DEPASSE" in [k.code for k in avec.conventions[str(la_mienne.pk)].constats]


def test_without_a_period_there_is_nothing_to_compare(db: None) -> None:
    assert voisines([]) == []
    assert evaluer_conventions([]).conventions == {}
