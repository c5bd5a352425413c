"""The administrators see every personal token (never its key) and may revoke one."""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from api.models import JetonApi


@admin.register(JetonApi)
class JetonApiAdmin(admin.ModelAdmin[JetonApi]):
    list_display = ("libelle", "utilisateur", "prefixe", "portee", "cree_le", "utilise_le")
    list_filter = ("portee",)
    readonly_fields = (
        "utilisateur",
        "libelle",
        "empreinte",
        "prefixe",
        "portee",
        "cree_le",
        "utilise_le",
        "revoque_le",
        "expire_le",
    )
    actions = ("revoquer",)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # a key is created by its holder, on « Jetons d'API », shown once

    @admin.action(description="Révoquer les jetons choisis")
    def revoquer(self, request: HttpRequest, jetons: QuerySet[JetonApi]) -> None:
        jetons.filter(revoque_le__isnull=True).update(revoque_le=timezone.now())
