from django.urls import path

from documents import views, vues_signature

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
    path("documents/<int:pk>/signatures/", vues_signature.circuit, name="circuit"),
    path("documents/<int:pk>/circuit/", vues_signature.suivi, name="suivi"),
    path(
        "documents/<int:pk>/signe.pdf", vues_signature.telecharger_signe, name="telecharger_signe"
    ),
    path("documents/<int:pk>/copies/", vues_signature.copies, name="copies"),
    path(
        "documents/copies/<int:pk>/confirmer/",
        vues_signature.copie_confirmer,
        name="copie_confirmer",
    ),
    path("signer/<str:jeton>/", vues_signature.signer, name="signer"),
    path("signer/<str:jeton>/nouveau-lien/", vues_signature.nouveau_lien, name="nouveau_lien"),
    path("signer/<str:jeton>/document.pdf", vues_signature.signer_pdf, name="signer_pdf"),
]
