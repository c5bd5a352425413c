"""What the API answers, as explicit schemas (the OpenAPI document is built from them).

Each schema reads a model row (`from_attributes`); a `resolve_…` method says where a value
comes from when it is not a field of the same name. Labels are the pages' labels: a status
goes out as its code (`statut`, stable for programs) and its label (`statut_libelle`)."""

# No `from __future__ import annotations`: ninja and pydantic read these annotations at
# run time.
from datetime import date, datetime
from typing import Any

from ninja import Schema


class Erreur(Schema):
    detail: str


class PromotionBreve(Schema):
    id: int
    libelle: str


class EtudiantBref(Schema):
    id: int
    nom: str
    prenom: str
    promotion: PromotionBreve


class Etudiant(EtudiantBref):
    classe: str
    email: str
    date_naissance: date
    referent: str | None
    archive: bool

    @staticmethod
    def resolve_referent(obj: Any) -> str | None:
        return str(obj.referent) if obj.referent_id else None


class SiteBref(Schema):
    id: int
    siret: str
    enseigne: str
    ville: str


class OrganismeBref(Schema):
    id: int
    siren: str
    raison_sociale: str


class Organisme(OrganismeBref):
    naf: str
    adresse: str
    code_postal: str
    ville: str
    sites: list[SiteBref]

    @staticmethod
    def resolve_sites(obj: Any) -> list[Any]:
        return list(obj.etablissements.all())


class Tuteur(Schema):
    id: int
    nom: str
    prenom: str
    fonction: str
    email: str


class ConventionLigne(Schema):
    id: int
    statut: str
    statut_libelle: str
    debut: date | None
    fin: date | None
    etudiant: EtudiantBref
    organisme: OrganismeBref
    site: SiteBref
    referent: str | None

    @staticmethod
    def resolve_statut_libelle(obj: Any) -> str:
        return str(obj.get_statut_display())

    @staticmethod
    def resolve_organisme(obj: Any) -> Any:
        return obj.etablissement_accueil.organisme

    @staticmethod
    def resolve_site(obj: Any) -> Any:
        return obj.etablissement_accueil

    @staticmethod
    def resolve_referent(obj: Any) -> str | None:
        return str(obj.referent) if obj.referent_id else None


class Periode(Schema):
    debut: date
    fin: date


class Acquittement(Schema):
    """A warning taken into account, in the name of a person, before validation."""

    par: str
    le: datetime


class Constat(Schema):
    """A finding of the rules engine, as `python -m regles evaluer` writes it, with what the
    page adds: « Pourquoi ? » (its figures in sentences) and its acknowledgement."""

    code: str
    severite: str
    titre: str
    message: str
    article: str
    lien: str
    chiffres: dict[str, Any]
    pourquoi: list[str]
    acquittement: Acquittement | None


class Convention(ConventionLigne):
    poste: str
    date_signature: date | None
    tuteur: Tuteur | None
    periodes: list[Periode]
    gratification_mode: str
    gratification_montant: str
    constats: list[Constat]
    pdf_disponible: bool

    # The route computes the last two (the engine, the documents) and hangs them on the row.
    @staticmethod
    def resolve_periodes(obj: Any) -> list[Any]:
        return list(obj.periodes.all())

    @staticmethod
    def resolve_gratification_montant(obj: Any) -> str:
        return str(obj.gratification_montant)

    @staticmethod
    def resolve_constats(obj: Any) -> list[dict[str, object]]:
        return list(obj.constats_api)

    @staticmethod
    def resolve_pdf_disponible(obj: Any) -> bool:
        return bool(obj.pdf_disponible_api)


class Pointage(Schema):
    jour: date
    minutes_presence: int
    absence: str
    absence_libelle: str
    minutes_absence: int
    origine: str
    origine_libelle: str

    @staticmethod
    def resolve_absence_libelle(obj: Any) -> str:
        return str(obj.get_absence_display()) if obj.absence else ""

    @staticmethod
    def resolve_origine_libelle(obj: Any) -> str:
        return str(obj.get_origine_display())


class Offre(Schema):
    id: int
    cree_le: datetime
    entreprise: str
    siret: str
    ville: str
    statut: str
    statut_libelle: str
    nombre_stagiaires: int
    gratification: str
    message: str
    periodes: list[str]
    missions: list[str]

    @staticmethod
    def resolve_statut_libelle(obj: Any) -> str:
        return str(obj.get_statut_display())

    @staticmethod
    def resolve_periodes(obj: Any) -> list[str]:
        return [str(p) for p in obj.periodes.all()]

    @staticmethod
    def resolve_missions(obj: Any) -> list[str]:
        return [str(m) for m in obj.missions.all()]


class CopieDeposee(Schema):
    id: int
    document: int
    sha256: str
    deposee_le: datetime
    message: str


class SignatureEnregistree(Schema):
    role: str
    role_libelle: str
    nom: str
    signe_le: datetime | None

    @staticmethod
    def resolve_role_libelle(obj: Any) -> str:
        return str(obj.get_role_display())


class CopieConfirmee(Schema):
    copie: int
    signatures: list[SignatureEnregistree]
    statut_convention: str
    statut_convention_libelle: str
