"""Read-only in Django's admin: a clause template is edited through its own page (which checks
the variables and adds a version), and a generated document is evidence, never edited."""

from django.contrib import admin
from django.http import HttpRequest

from documents.models import Courriel, Document, ModeleDocument, Signalement, Signature


class LectureSeule(admin.ModelAdmin):  # type: ignore[type-arg]
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(ModeleDocument)
class ModeleDocumentAdmin(LectureSeule):
    list_display = ("type", "version", "auteur", "cree_le")
    list_filter = ("type",)


@admin.register(Document)
class DocumentAdmin(LectureSeule):
    list_display = ("convention", "type", "objet", "version", "modele", "sha256", "cree_le")
    list_filter = ("type",)


@admin.register(Signature)
class SignatureAdmin(LectureSeule):
    list_display = ("document", "role", "nom", "signe_le", "expire_le")
    list_filter = ("role",)


@admin.register(Courriel)
class CourrielAdmin(LectureSeule):
    list_display = ("envoye_le", "type", "destinataire", "sujet", "convention")
    list_filter = ("type",)


@admin.register(Signalement)
class SignalementAdmin(LectureSeule):
    list_display = ("document", "signature", "cree_le", "traite_le", "traite_par")
