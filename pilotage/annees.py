"""School years, named by the calendar year they start in; where they start is a setting
(`reglages.annee_scolaire_debut`), read on the year concerned."""

from __future__ import annotations

from datetime import date, timedelta

from regles.parametres import parametres
from regles.presence import annee_scolaire_du as regles_annee_scolaire_du
from regles.presence import debut_annee_scolaire


def annee_scolaire_du(jour: date) -> int:
    """The school year `jour` belongs to, named by the year it starts in (a setting)."""
    return regles_annee_scolaire_du(jour, parametres())


def bornes_annee_scolaire(annee: int) -> tuple[date, date]:
    p = parametres()
    debut = debut_annee_scolaire(
        annee, debut_mm_jj=p.texte("reglages.annee_scolaire_debut", date(annee, 12, 31))
    )
    suivante = debut_annee_scolaire(
        annee + 1, debut_mm_jj=p.texte("reglages.annee_scolaire_debut", date(annee + 1, 12, 31))
    )
    return debut, suivante - timedelta(days=1)
