"""School years, named by the calendar year they start in; where they start is a setting
(`reglages.annee_scolaire_debut`), read on the year concerned."""

from __future__ import annotations

from datetime import date

from regles.parametres import parametres
from regles.presence import annee_scolaire_du as regles_annee_scolaire_du
from regles.presence import bornes_annee_scolaire as regles_bornes_annee_scolaire


def annee_scolaire_du(jour: date) -> int:
    """The school year `jour` belongs to, named by the year it starts in (a setting)."""
    return regles_annee_scolaire_du(jour, parametres())


def bornes_annee_scolaire(annee: int) -> tuple[date, date]:
    """The first and last day of school year `annee`."""
    return regles_bornes_annee_scolaire(annee, parametres())
