"""The commission's pack (referentiel-ndrc.md §2.2–2.7).

- A candidate's pack is ONE PDF: a cover sheet (candidate, cohort, session, deposit
  deadline, table of contents), then the attestations of their stages (the signed file, else
  the file before signature, said on the cover), then their fiches (latest version; E4, the
  « fiche sujet candidat », then E6, each by number; an E4 fiche's offer annex right after
  it). Every page is numbered « page n / N » (examens/pagination.py).
- The fiches of a candidate are printed as one PDF (examens/pdf.fiches_pdf): each fiche is a
  page range of it, placed in the pack between the other pieces.
- The cohort's archive is a ZIP of every candidate's pack and an index (CSV).

Both are built by `executer`, run by the worker (examens/taches.py), never in a request: it
moves the `Pack` row along (en cours, faits/total) and ends it « prêt » with the file and its
SHA-256, or « échec » with a French message naming the candidate and what to fix."""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.core.files.base import ContentFile
from django.db.models import QuerySet
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import slugify
from django.utils import timezone
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from conventions.models import Convention, PeriodeConvention, Statut
from documents.models import Document, TypeDocument, objet_periode, periode_de_l_objet
from documents.rendu import logo_en_data_uri, pdf_depuis_gabarit
from etablissement.models import Etudiant
from etablissement.selectors import etablissement_principal
from examens.models import EtatPack, Fiche, Pack, SessionExamen, TypeFiche
from examens.pagination import numeroter
from examens.pdf import derniere_version, fiches_pdf, libelle_court

logger = logging.getLogger(__name__)

ERREUR_INATTENDUE = (
    "La génération s'est arrêtée sur une erreur inattendue. Relancez-la ; si l'échec se "
    "répète, signalez-le à l'administrateur de Stages."
)


class PackErreur(Exception):
    """A pack that cannot be built, with the message for the staff (French, actionable)."""


@dataclass
class Piece:
    titre: str
    lecteur: PdfReader
    remarque: str = ""
    debut: int = 0  # first page in the pack, once placed
    # A part of `lecteur` only (a fiche in the PDF of all the candidate's fiches): its pages
    # [premiere, premiere + nombre); None: the whole file.
    premiere: int = 0
    nombre: int | None = None

    @property
    def pages(self) -> int:
        return len(self.lecteur.pages) if self.nombre is None else self.nombre

    def ajouter_a(self, ecrivain: PdfWriter) -> None:
        if self.nombre is None:
            ecrivain.append(self.lecteur)
        else:
            ecrivain.append(self.lecteur, pages=(self.premiere, self.premiere + self.nombre))


@dataclass
class PackCandidat:
    etudiant: Etudiant
    contenu: bytes
    pages: int
    attestations: int
    non_signees: int
    fiches: int
    pieces: list[Piece] = field(default_factory=list)


def candidats(session: SessionExamen) -> QuerySet[Etudiant]:
    """The session's candidates: the cohort's students still in training, by name."""
    return Etudiant.objects.filter(promotion_id=session.promotion_id, archive=False).order_by(
        "nom", "prenom", "pk"
    )


def attestations(etudiant: Etudiant) -> list[Document]:
    """The latest version of each attestation (one per place and period) of the candidate's
    stages, in the order of the periods."""
    derniers: dict[tuple[int, str], Document] = {}
    for doc in Document.objects.filter(
        type=TypeDocument.ATTESTATION, convention__etudiant=etudiant
    ).order_by("convention_id", "objet", "-version"):
        derniers.setdefault((doc.convention_id, doc.objet), doc)
    periodes = _periodes(derniers.values())
    return sorted(
        derniers.values(),
        key=lambda d: (periodes[d.pk].debut.toordinal() if d.pk in periodes else 0, d.pk),
    )


def _periodes(docs: Any) -> dict[int, PeriodeConvention]:
    ids = {}
    for d in docs:
        numero = periode_de_l_objet(d.objet)
        if numero is not None:
            ids[d.pk] = numero
    trouvees = PeriodeConvention.objects.in_bulk(ids.values())
    return {pk: trouvees[i] for pk, i in ids.items() if i in trouvees}


_ORDRE_FICHES = {
    TypeFiche.E4_NEGO: 0,
    TypeFiche.E4_EVENEMENT: 0,
    TypeFiche.E4_SUJET: 1,
    TypeFiche.E6_DISTRIBUTEURS: 2,
    TypeFiche.E6_PARTENAIRES: 2,
    TypeFiche.E6_VENTE_DIRECTE: 2,
}


def fiches(etudiant: Etudiant) -> list[Fiche]:
    """The candidate's fiches in the order of the dossier: E4 by number, the « fiche sujet
    candidat », then E6 by number; a fiche never written (no version) is left out."""
    liste = [
        f
        for f in Fiche.objects.filter(etudiant=etudiant).select_related("etudiant__promotion")
        if f.versions.exists()
    ]
    return sorted(liste, key=lambda f: (_ORDRE_FICHES.get(TypeFiche(f.type), 3), f.numero, f.pk))


def _lire(champ: FieldFile, quoi: str) -> PdfReader:
    try:
        with champ.open("rb") as fichier:
            donnees = fichier.read()
        lecteur = PdfReader(io.BytesIO(donnees))
        if len(lecteur.pages) == 0:
            raise PackErreur(f"{quoi} est un PDF vide.")
    except (OSError, ValueError, PyPdfError) as e:
        raise PackErreur(f"{quoi} n'est pas un PDF lisible (fichier absent ou endommagé).") from e
    return lecteur


def _titre_attestation(doc: Document, periode: PeriodeConvention | None) -> str:
    organisme = doc.convention.etablissement_accueil.organisme.raison_sociale
    if periode is None:
        return f"Attestation de stage — {organisme}"
    return (
        f"Attestation de stage — {organisme}, du {periode.debut:%d/%m/%Y} au {periode.fin:%d/%m/%Y}"
    )


def _pieces(etudiant: Etudiant) -> tuple[list[Piece], int, int, int]:
    qui = f"{etudiant.prenom} {etudiant.nom}"
    pieces: list[Piece] = []
    docs = attestations(etudiant)
    periodes = _periodes(docs)
    non_signees = 0
    for doc in docs:
        titre = _titre_attestation(doc, periodes.get(doc.pk))
        if doc.fichier_signe:
            lecteur = _lire(doc.fichier_signe, f"{qui} : l'attestation signée « {titre} »")
            remarque = ""
        else:
            lecteur = _lire(doc.fichier, f"{qui} : l'attestation « {titre} »")
            remarque = "non signée : version avant signature"
            non_signees += 1
        pieces.append(Piece(titre, lecteur, remarque))
    les_fiches = fiches(etudiant)
    for f, (lecteur, premiere, nombre) in zip(
        les_fiches, _fiches_imprimees(les_fiches), strict=True
    ):
        epreuve = "E4" if f.type.startswith("E4") else "E6"
        titre = f"Fiche {epreuve} n° {f.numero} — {libelle_court(f.type)} : {f.titre}"
        pieces.append(Piece(titre, lecteur, premiere=premiere, nombre=nombre))
        if f.type in (TypeFiche.E4_NEGO, TypeFiche.E4_EVENEMENT):
            if f.annexe_offre:
                annexe = _lire(
                    f.annexe_offre,
                    f"{qui} : l'annexe (présentation de l'offre) de la fiche E4 n° {f.numero}",
                )
                pieces.append(Piece(f"Annexe de la fiche E4 n° {f.numero} — offre", annexe))
            else:
                pieces[-1].remarque = "annexe de l'offre non jointe"
    return pieces, len(docs), non_signees, len(les_fiches)


def _fiches_imprimees(les_fiches: list[Fiche]) -> list[tuple[PdfReader, int, int]]:
    """Each fiche as (the PDF of all of them, its first page there, its number of pages)."""
    if not les_fiches:
        return []
    pdf, nombres = fiches_pdf([(f, derniere_version(f)) for f in les_fiches])
    lecteur = PdfReader(io.BytesIO(pdf))
    premieres = [sum(nombres[:i]) for i in range(len(nombres))]
    return [(lecteur, p, n) for p, n in zip(premieres, nombres, strict=True)]


def sur_papier(etudiant: Etudiant, docs: list[Document]) -> list[str]:
    """The periods whose attestation the section recorded (« Enregistrer l'attestation »: the
    signed paper came back) with no PDF of it in Stages: the cover says the original signed
    is to be joined, as the readiness counts them attested."""
    avec_pdf = {(d.convention_id, d.objet) for d in docs}
    titres = []
    for c in (
        Convention.objects.filter(etudiant=etudiant, statut=Statut.ATTESTEE)
        .select_related("etablissement_accueil__organisme")
        .prefetch_related("periodes")
        .order_by("pk")
    ):
        organisme = c.etablissement_accueil.organisme.raison_sociale
        for per in sorted(c.periodes.all(), key=lambda x: x.debut):
            if c.rupture_dernier_jour is not None and per.debut > c.rupture_dernier_jour:
                continue
            if (c.pk, objet_periode(per.pk)) not in avec_pdf:
                titres.append(
                    f"Attestation de stage — {organisme}, du {per.debut:%d/%m/%Y} au "
                    f"{per.fin:%d/%m/%Y}"
                )
    return titres


def _couverture(
    etudiant: Etudiant, session: SessionExamen, pieces: list[Piece], pages_couverture: int
) -> PdfReader:
    page = pages_couverture + 1
    for p in pieces:
        p.debut = page
        page += p.pages
    etablissement = etablissement_principal()
    pdf = pdf_depuis_gabarit(
        "examens/pdf/couverture.html",
        {
            "dans_pack": True,
            "ecole": {"nom": etablissement.nom if etablissement else ""},
            "logo": logo_en_data_uri(etablissement),
            "c": {
                "candidat": f"{etudiant.nom.upper()} {etudiant.prenom}",
                "naissance": etudiant.date_naissance.strftime("%d/%m/%Y"),
                "promotion": str(etudiant.promotion),
                "session": session.annee,
                "date_limite": session.date_limite_depot.strftime("%d/%m/%Y"),
                "genere_le": timezone.localdate().strftime("%d/%m/%Y"),
                "pieces": [
                    {"titre": p.titre, "debut": p.debut, "pages": p.pages, "remarque": p.remarque}
                    for p in pieces
                ],
                "total": page - 1,
                "sur_papier": sur_papier(etudiant, attestations(etudiant)),
            },
        },
    )
    return PdfReader(io.BytesIO(pdf))


def pack_candidat(etudiant: Etudiant, session: SessionExamen) -> PackCandidat:
    """The candidate's pack as one PDF (raises PackErreur on an unreadable piece)."""
    pieces, nb_attestations, non_signees, nb_fiches = _pieces(etudiant)
    couverture = _couverture(etudiant, session, pieces, 1)
    if len(couverture.pages) != 1:  # a long table of contents: place the pieces again
        couverture = _couverture(etudiant, session, pieces, len(couverture.pages))
    ecrivain = PdfWriter()
    ecrivain.append(couverture)
    for p in pieces:
        p.ajouter_a(ecrivain)
    numeroter(ecrivain)
    ecrivain.add_metadata(
        {"/Title": f"Dossier d'examen — {etudiant.prenom} {etudiant.nom}", "/Producer": "Stages"}
    )
    sortie = io.BytesIO()
    ecrivain.write(sortie)
    return PackCandidat(
        etudiant=etudiant,
        contenu=sortie.getvalue(),
        pages=len(ecrivain.pages),
        attestations=nb_attestations,
        non_signees=non_signees,
        fiches=nb_fiches,
        pieces=pieces,
    )


def nom_pdf(etudiant: Etudiant, session: SessionExamen) -> str:
    return f"dossier-{session.annee}-{slugify(etudiant.nom)}-{slugify(etudiant.prenom)}-{etudiant.pk}.pdf"


def archive(
    session: SessionExamen,
    etudiants: list[Etudiant],
    avancer: Callable[[int], None] = lambda faits: None,
) -> bytes:
    """The cohort's ZIP: every candidate's pack and index.csv (one line per candidate)."""
    tampon = io.BytesIO()
    index = io.StringIO()
    lignes = csv.writer(index, delimiter=";")
    lignes.writerow(
        ["Candidat", "Fichier", "Pages", "Attestations", "dont non signées", "Fiches", "SHA-256"]
    )
    with zipfile.ZipFile(tampon, "w", zipfile.ZIP_DEFLATED) as zip_:
        for i, etudiant in enumerate(etudiants, start=1):
            pack = pack_candidat(etudiant, session)
            nom = nom_pdf(etudiant, session)
            zip_.writestr(nom, pack.contenu)
            lignes.writerow(
                [
                    f"{etudiant.nom.upper()} {etudiant.prenom}",
                    nom,
                    pack.pages,
                    pack.attestations,
                    pack.non_signees,
                    pack.fiches,
                    hashlib.sha256(pack.contenu).hexdigest(),
                ]
            )
            avancer(i)
        zip_.writestr("index.csv", "\ufeff" + index.getvalue())  # BOM: opens in Excel
    return tampon.getvalue()


def executer(pack_id: int, *, le: datetime | None = None) -> None:
    """Build the pack of row `pack_id` (the worker's task). A pack already started or done
    is left alone: a retry is a new request, hence a new row."""
    pack = Pack.objects.select_related("session__promotion", "etudiant").filter(pk=pack_id).first()
    if pack is None or pack.etat != EtatPack.EN_ATTENTE:
        return
    session = pack.session
    etudiants = [pack.etudiant] if pack.etudiant is not None else list(candidats(session))
    Pack.objects.filter(pk=pack.pk).update(etat=EtatPack.EN_COURS, faits=0, total=len(etudiants))

    def avancer(faits: int) -> None:
        Pack.objects.filter(pk=pack.pk).update(faits=faits)

    try:
        if not etudiants:
            raise PackErreur("Cette promotion n'a aucun candidat : il n'y a rien à rassembler.")
        if pack.etudiant is not None:
            contenu = pack_candidat(pack.etudiant, session).contenu
            avancer(1)
            nom = nom_pdf(pack.etudiant, session)
        else:
            contenu = archive(session, etudiants, avancer)
            nom = f"dossiers-{session.annee}-{slugify(str(session.promotion))}.zip"
    except PackErreur as e:
        _echec(pack, str(e), le)
        return
    except Exception:
        logger.exception("Pack %s : génération en échec.", pack.pk)
        _echec(pack, ERREUR_INATTENDUE, le)
        return
    pack.fichier.save(nom, ContentFile(contenu), save=False)
    Pack.objects.filter(pk=pack.pk).update(
        fichier=pack.fichier.name,
        sha256=hashlib.sha256(contenu).hexdigest(),
        etat=EtatPack.TERMINE,
        faits=len(etudiants),
        erreur="",
        termine_le=le or timezone.now(),
    )


def _echec(pack: Pack, message: str, le: datetime | None) -> None:
    Pack.objects.filter(pk=pack.pk).update(
        etat=EtatPack.ECHEC, erreur=message, termine_le=le or timezone.now()
    )
