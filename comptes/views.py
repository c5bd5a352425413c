"""Logging out. Logging in and the password reset are Django's views (see comptes/urls.py)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.views.decorators.http import require_POST


@require_POST  # a GET link could log people out from an <img> on another site
def deconnexion(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "Vous êtes déconnecté.")
    return redirect(settings.LOGIN_URL)
