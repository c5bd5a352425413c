"""An attachment of the log, opened by its student or by the staff: never by its address
alone (the file lives outside any served folder, under a random name), never by another
student (404, as if it did not exist). The tutor opens it from their space
(espaces/views/journal.py)."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.views.decorators.cache import never_cache

from comptes.acces import peut_acceder, role_requis
from comptes.models import Role
from conventions.models import Convention
from etablissement.views.mon_stage import etudiant_du_compte
from journal import selectors
from journal.models import PieceJointe


def reponse_fichier(piece: PieceJointe) -> FileResponse:
    """The file, downloaded (never shown inline: it came from a user)."""
    if not piece.fichier.storage.exists(piece.fichier.name):
        raise Http404("Le fichier de cette pièce jointe est introuvable.")
    reponse = FileResponse(
        piece.fichier.open("rb"),
        as_attachment=True,
        filename=piece.nom,
        content_type=piece.type_contenu,
    )
    reponse["X-Content-Type-Options"] = "nosniff"
    return reponse


@never_cache
@role_requis(Role.ETUDIANT, Role.ADMINISTRATEUR, Role.ENSEIGNANT)
def piece(request: HttpRequest, pk: int) -> FileResponse:
    if peut_acceder(request.user, (Role.ADMINISTRATEUR, Role.ENSEIGNANT)):
        conventions = Convention.objects.all()
    else:
        eleve = etudiant_du_compte(request)
        if eleve is None:
            raise Http404("Cette pièce jointe n'existe pas.")
        conventions = selectors.conventions_du_journal(eleve)
    trouvee = selectors.pieces_de(conventions).filter(pk=pk).first()
    if trouvee is None:
        raise Http404("Cette pièce jointe n'existe pas.")
    return reponse_fichier(trouvee)
