from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("conventions/<int:pk>/documents/", views.convention_documents, name="convention"),
    path(
        "conventions/<int:pk>/documents/convention.pdf", views.convention_pdf, name="convention_pdf"
    ),
    path(
        "conventions/<int:pk>/documents/avenant-<int:numero>.pdf",
        views.avenant_pdf,
        name="avenant_pdf",
    ),
    path(
        "conventions/<int:pk>/documents/attestation-<int:periode>.pdf",
        views.attestation_pdf,
        name="attestation_pdf",
    ),
    path("documents/<int:pk>/", views.telecharger, name="telecharger"),
    path("documents/modeles/", views.modeles, name="modeles"),
    path("documents/modeles/<str:type_>/", views.modele, name="modele"),
]
