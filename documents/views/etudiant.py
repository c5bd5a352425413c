"""A student downloads the documents of their own conventions (« Mon stage »).

The document is looked up among the conventions of the student linked to the account: any
other id answers 404, as if it did not exist, so no one learns which ids are taken.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from comptes.acces import role_requis
from comptes.models import Role
from documents.models import Document


@require_GET
@role_requis(Role.ETUDIANT)
def telecharger(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(
        Document, pk=pk, convention__etudiant__utilisateur_id=request.user.pk
    )
    if not document.fichier.storage.exists(document.fichier.name):
        raise Http404("Le fichier de ce document est introuvable.")
    return FileResponse(
        document.fichier.open("rb"),
        as_attachment=True,
        filename=document.nom_fichier,
        content_type="application/pdf",
    )
