"""/api/conventions: the list with the pages' filters, one convention with the engine's
findings as its page shows them, its PDF, its presence log, and the scanned copy signed in
ink (the documents' paper path, `documents.signatures.copie_deposer`)."""

from datetime import date
from typing import Any, cast

from django.http import FileResponse, Http404, HttpRequest
from django.utils import timezone
from ninja import File, Router, Status
from ninja.errors import HttpError
from ninja.files import UploadedFile
from ninja.pagination import paginate

from api import schemas
from api.views.commun import Numero, Pages, trouver
from comptes.models import Utilisateur
from conventions import presentation
from conventions.models import Convention, Pointage, Statut
from conventions.moteur import evaluer_convention
from conventions.selectors import convention_detaillee, conventions_filtrer, conventions_pour_liste
from documents import signatures
from documents.acces import exiger_generation
from documents.models import Document, TypeDocument
from regles.constats import Constat
from regles.parametres import parametres
from regles.pourquoi import pourquoi

router = Router(tags=["Conventions"])


@router.get(
    "",
    response=list[schemas.ConventionLigne],
    url_name="conventions",
    summary="Conventions, filtrées et paginées",
)
@paginate(Pages)
def liste(
    request: HttpRequest,
    statut: Statut | None = None,
    promotion: Numero | None = None,
    organisme: Numero | None = None,
    du: date | None = None,
    au: date | None = None,
) -> Any:
    """`du` / `au` : les conventions dont le stage touche cet intervalle de dates."""
    conventions = conventions_filtrer(
        conventions_pour_liste(), statut=statut or "", promotion=promotion
    )
    if organisme:
        conventions = conventions.filter(etablissement_accueil__organisme_id=organisme)
    if du:
        conventions = conventions.filter(fin__gte=du)
    if au:
        conventions = conventions.filter(debut__lte=au)
    return conventions.order_by("-debut", "-fin", "-id")


def _convention(pk: int) -> Convention:
    return trouver(convention_detaillee(pk), pk, "Convention")


def _document(convention: Convention) -> Document | None:
    return (
        Document.objects.filter(convention=convention, type=TypeDocument.CONVENTION)
        .order_by("-version")
        .first()
    )


def _constats(convention: Convention, constats: list[Constat]) -> list[dict[str, object]]:
    """Each finding as the page shows it: with « Pourquoi ? » and who acknowledged it."""
    acquittements = {a.code: a for a in convention.acquittements.all()}
    en_vigueur = parametres()
    lignes = []
    for constat in constats:
        acquis = acquittements.get(constat.code)
        lignes.append(
            {
                **constat.en_dict(),
                "pourquoi": pourquoi(constat, en_vigueur),
                "acquittement": {"par": str(acquis.auteur), "le": acquis.horodatage}
                if acquis
                else None,
            }
        )
    return lignes


@router.get(
    "/{int:pk}",
    response={200: schemas.Convention, 404: schemas.Erreur},
    url_name="convention",
    summary="Une convention et les constats du moteur",
)
def detail(request: HttpRequest, pk: int) -> Any:
    convention = _convention(pk)
    try:
        constats = presentation.par_gravite(evaluer_convention(convention).constats)
    except ValueError:  # no period yet: nothing the engine can judge
        constats = []
    # What the schema reads besides the row: the findings as the page lists them.
    setattr(convention, "constats_api", _constats(convention, constats))  # noqa: B010
    setattr(convention, "pdf_disponible_api", _document(convention) is not None)  # noqa: B010
    return convention


@router.get(
    "/{int:pk}/pdf",
    response={200: None, 404: schemas.Erreur},
    url_name="convention_pdf",
    summary="Le dernier PDF généré de la convention",
    openapi_extra={"responses": {200: {"content": {"application/pdf": {}}}}},
)
def pdf(request: HttpRequest, pk: int) -> Any:
    document = _document(_convention(pk))
    if document is None or not document.fichier.storage.exists(document.fichier.name):
        raise Http404("Aucun PDF n'a encore été généré pour cette convention.")
    return FileResponse(
        document.fichier.open("rb"),
        as_attachment=True,
        filename=document.nom_fichier,
        content_type="application/pdf",
    )


@router.get(
    "/{int:pk}/presence",
    response={200: list[schemas.Pointage], 404: schemas.Erreur},
    url_name="convention_presence",
    summary="Le relevé de présence de la convention",
)
def presence(request: HttpRequest, pk: int) -> Any:
    convention = trouver(Convention.objects.all(), pk, "Convention")
    return list(Pointage.objects.filter(convention=convention).order_by("jour"))


@router.post(
    "/{int:pk}/copie-signee",
    response={
        201: schemas.CopieDeposee,
        403: schemas.Erreur,
        404: schemas.Erreur,
        409: schemas.Erreur,
        422: schemas.Erreur,
    },
    url_name="convention_copie_signee",
    summary="Déposer la copie numérisée signée à la main (PDF)",
)
def copie_signee(request: HttpRequest, pk: int, fichier: File[UploadedFile]) -> Any:
    """Comme « Copie papier » du circuit de signature : la copie attend ensuite la
    confirmation d'un membre du personnel, sur la page du circuit."""
    convention = _convention(pk)
    exiger_generation(request.user, convention)
    document = _document(convention)
    if document is None:
        raise Http404("Aucun PDF n'a encore été généré pour cette convention.")
    if fichier.size and fichier.size > signatures.TAILLE_MAX_COPIE:
        raise HttpError(422, "La copie numérisée dépasse 10 Mo.")
    try:
        copie = signatures.copie_deposer(
            document=document,
            contenu=fichier.read(),
            signature=None,
            auteur=cast(Utilisateur, request.user),
            le=timezone.now(),
        )
    except signatures.SignatureRefusee as refus:
        raise HttpError(409, str(refus)) from None
    return Status(
        201,
        {
            "id": copie.pk,
            "document": document.pk,
            "sha256": copie.sha256,
            "deposee_le": copie.deposee_le,
            "message": "Copie déposée : elle vaut signature une fois confirmée, sur la page du "
            "circuit ou par POST /api/copies/<id>/confirmer.",
        },
    )
