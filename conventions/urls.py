from django.urls import path

from conventions.views import actions, avenants, clauses, detail, formulaire, liste, pointages

app_name = "conventions"

urlpatterns = [
    path("", liste.liste, name="liste"),
    path("nouvelle/", formulaire.creer, name="creer"),
    # The default texts of the D124-4 clauses, for the section or ?promotion=<pk>.
    path("textes-par-defaut/", clauses.clauses, name="clauses"),
    # Several conventions moved along the workflow at once (the list's checkboxes).
    path("actions-groupees/", actions.groupees, name="groupees"),
    # The live check of the form (htmx), for a new convention or ?convention=<pk>.
    path("apercu/", formulaire.apercu, name="apercu"),
    path("<int:pk>/", detail.detail, name="detail"),
    path("<int:pk>/modifier/", formulaire.modifier, name="modifier"),
    path("<int:pk>/transition/", actions.transition, name="transition"),
    path("<int:pk>/acquitter/", actions.acquitter, name="acquitter"),
    path("<int:pk>/presence/", pointages.pointages, name="pointages"),
    path("<int:pk>/avenant/", avenants.avenant, name="avenant"),
]
