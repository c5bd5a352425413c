"""The fiches: the student's under « Mon stage », the staff's to review (included by
examens/urls.py, in its `examens` namespace)."""

from django.urls import URLPattern, URLResolver, path

from examens.views import fiches_etudiant as etudiant
from examens.views import fiches_personnel as personnel

urlpatterns: list[URLPattern | URLResolver] = [
    path("mon-stage/fiches/", etudiant.liste, name="fiches"),
    path("mon-stage/fiches/nouvelle/", etudiant.creer, name="fiche_creer"),
    path("mon-stage/fiches/<int:pk>/", etudiant.fiche, name="fiche"),
    path("mon-stage/fiches/<int:pk>/annexe/", etudiant.annexe, name="fiche_annexe"),
    path("mon-stage/fiches/<int:pk>/envoyer/", etudiant.soumettre, name="fiche_soumettre"),
    path("mon-stage/fiches/<int:pk>/versions/", etudiant.versions, name="fiche_versions"),
    path("fiches/<int:pk>/annexe/", etudiant.annexe_telecharger, name="fiche_annexe_telecharger"),
    path("fiches/", personnel.a_relire, name="fiches_a_relire"),
    path("fiches/<int:pk>/", personnel.fiche, name="fiche_personnel"),
    path("fiches/<int:pk>/relire/", personnel.relire, name="fiche_relire"),
    path("fiches/<int:pk>/rouvrir/", personnel.rouvrir, name="fiche_rouvrir"),
    path("etudiants/<int:pk>/fiches/", personnel.etudiant, name="fiches_etudiant"),
]
