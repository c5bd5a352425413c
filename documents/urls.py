from django.urls import path

from documents.views import etudiant, etudiant_signature, pieces, signature

app_name = "documents"

urlpatterns = [
    path("conventions/<int:pk>/documents/", pieces.convention_documents, name="convention"),
    path(
        "conventions/<int:pk>/documents/convention.pdf",
        pieces.convention_pdf,
        name="convention_pdf",
    ),
    path(
        "conventions/<int:pk>/documents/avenant-<int:numero>.pdf",
        pieces.avenant_pdf,
        name="avenant_pdf",
    ),
    path(
        "conventions/<int:pk>/documents/attestation-<int:periode>.pdf",
        pieces.attestation_pdf,
        name="attestation_pdf",
    ),
    path("documents/<int:pk>/", pieces.telecharger, name="telecharger"),
    path("mon-stage/documents/<int:pk>/", etudiant.telecharger, name="etudiant_telecharger"),
    path("mon-stage/signer/<int:pk>/", etudiant_signature.signer, name="etudiant_signer"),
    path(
        "mon-stage/signer/<int:pk>/document.pdf",
        etudiant_signature.signer_pdf,
        name="etudiant_signer_pdf",
    ),
    path(
        "mon-stage/signer/<int:pk>/signaler/",
        etudiant_signature.signaler,
        name="etudiant_signaler",
    ),
    path("documents/modeles/", pieces.modeles, name="modeles"),
    path("documents/modeles/<str:type_>/", pieces.modele, name="modele"),
    path("documents/<int:pk>/signatures/", signature.circuit, name="circuit"),
    path("documents/<int:pk>/circuit/", signature.suivi, name="suivi"),
    path("documents/<int:pk>/signe.pdf", signature.telecharger_signe, name="telecharger_signe"),
    path("documents/<int:pk>/copies/", signature.copies, name="copies"),
    path(
        "documents/<int:pk>/signalements/traiter/",
        signature.signalement_traiter,
        name="signalement_traiter",
    ),
    path(
        "documents/copies/<int:pk>/confirmer/",
        signature.copie_confirmer,
        name="copie_confirmer",
    ),
    path("signer/<str:jeton>/", signature.signer, name="signer"),
    path("signer/<str:jeton>/nouveau-lien/", signature.nouveau_lien, name="nouveau_lien"),
    path("signer/<str:jeton>/signaler/", signature.signaler, name="signaler"),
    path("signer/<str:jeton>/document.pdf", signature.signer_pdf, name="signer_pdf"),
]
