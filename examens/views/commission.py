"""The commission: the staff's page to give a jury member a read-only link (and revoke it),
and the pages that link opens: the session's candidates, each candidate's fiches (read-only)
and attestations, their pack and the cohort's archive. No evaluation ever: these pages read
examens and documents only (tests/examens/test_commission.py checks a tutor's answer never
shows)."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from comptes.acces import role_requis
from comptes.models import Role, Utilisateur
from core.forms import DsfrForm, reporter_erreurs
from core.validateurs import valider_date_bornee
from documents.models import Document
from examens import commission, pack
from examens.modeles import modele
from examens.models import AccesCommission, EtatPack, Pack, SessionExamen
from examens.pdf import derniere_version, libelle_court
from examens.views.pack import reponse_pack

administrateur_requis = role_requis(Role.ADMINISTRATEUR)


class AccesForm(DsfrForm, forms.Form):
    nom = forms.CharField(label="Nom du membre du jury", max_length=200)
    email = forms.EmailField(label="Adresse e-mail", max_length=254)
    jusqu_au = forms.DateField(
        label="Valable jusqu'au",
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[valider_date_bornee],
        error_messages={"invalid": "Saisissez une date, par exemple 30/06/2027."},
    )


@administrateur_requis
@require_http_methods(["GET", "POST"])
def acces(request: HttpRequest, pk: int) -> HttpResponse:
    session = get_object_or_404(SessionExamen.objects.select_related("promotion"), pk=pk)
    maintenant = timezone.now()
    if request.method == "POST":
        form = AccesForm(request.POST)
        if form.is_valid():
            try:
                cree = commission.acces_creer(
                    session=session,
                    nom=form.cleaned_data["nom"],
                    email=form.cleaned_data["email"],
                    jusqu_au=form.cleaned_data["jusqu_au"],
                    par=request.user if isinstance(request.user, Utilisateur) else None,
                    le=maintenant,
                )
            except ValidationError as e:
                reporter_erreurs(form, e)
            else:
                messages.success(
                    request, f"Le lien est envoyé à {cree.acces.nom} ({cree.acces.email})."
                )
                return redirect("examens:commission_acces", pk=session.pk)
    else:
        form = AccesForm(
            initial={"jusqu_au": (timezone.localdate(maintenant) + timedelta(days=30))}
        )
    liens = [
        {"a": a, "valide": commission.acces_valide(a, le=maintenant)}
        for a in session.acces_commission.all()
    ]
    return render(
        request,
        "examens/commission_acces.html",
        {"session": session, "form": form, "liens": liens},
    )


@administrateur_requis
@require_POST
def revoquer(request: HttpRequest, pk: int) -> HttpResponse:
    a = get_object_or_404(AccesCommission, pk=pk)
    commission.acces_revoquer(acces=a, le=timezone.now())
    messages.success(request, f"Le lien de {a.nom} ne fonctionne plus.")
    return redirect("examens:commission_acces", pk=a.session_id)


def _ouvrir(request: HttpRequest, jeton: str) -> AccesCommission | HttpResponse:
    """The link's access, or the page saying it no longer works (404 for a forged one)."""
    a = commission.acces_par_jeton(jeton)
    if a is None:
        raise Http404("Ce lien n'existe pas.")
    maintenant = timezone.now()
    if not commission.acces_valide(a, le=maintenant):
        return render(
            request,
            "examens/commission_ferme.html",
            {"revoque": a.revoque_le is not None, "a": a},
            status=410,
        )
    commission.acces_ouvert(a, le=maintenant)
    return a


@never_cache
def accueil(request: HttpRequest, jeton: str) -> HttpResponse:
    a = _ouvrir(request, jeton)
    if isinstance(a, HttpResponse):
        return a
    session = a.session
    archive = _dernier(session.packs.filter(etudiant__isnull=True))
    return render(
        request,
        "examens/commission.html",
        {
            "a": a,
            "session": session,
            "jeton": jeton,
            "candidats": list(pack.candidats(session)),
            "archive": archive,
        },
    )


def _dernier(packs: QuerySet[Pack]) -> Pack | None:
    return packs.filter(etat=EtatPack.TERMINE).order_by("-termine_le", "-pk").first()


@never_cache
def candidat(request: HttpRequest, jeton: str, pk: int) -> HttpResponse:
    a = _ouvrir(request, jeton)
    if isinstance(a, HttpResponse):
        return a
    eleve = pack.candidats(a.session).filter(pk=pk).first()
    if eleve is None:
        raise Http404("Ce candidat n'est pas de cette session.")
    fiches = []
    for f in pack.fiches(eleve):
        version = derniere_version(f)
        contenu = version.contenu if version is not None else {}
        m = modele(f.type)
        fiches.append(
            {
                "titre": f"{m.epreuve[:2]} n° {f.numero} — {libelle_court(f.type)}",
                "intitule": f.titre,
                "activite_reelle": ("oui" if f.activite_reelle else "non")
                if m.activite_reelle
                else "",
                "sections": [
                    {
                        "titre": s.libelle,
                        "champs": [
                            {"libelle": c.libelle, "texte": str(contenu.get(c.cle, "") or "")}
                            for c in s.champs
                        ],
                    }
                    for s in m.sections
                ],
            }
        )
    docs = pack.attestations(eleve)
    attestations = [
        {
            "pk": d.pk,
            "titre": str(d.convention.etablissement_accueil.organisme),
            "signee": bool(d.fichier_signe),
            "cree_le": d.cree_le,
        }
        for d in docs
    ]
    return render(
        request,
        "examens/commission_candidat.html",
        {
            "a": a,
            "jeton": jeton,
            "eleve": eleve,
            "fiches": fiches,
            "attestations": attestations,
            "sur_papier": pack.sur_papier(eleve, docs),
            "pack": _dernier(a.session.packs.filter(etudiant=eleve)),
        },
    )


@never_cache
def attestation(request: HttpRequest, jeton: str, pk: int) -> HttpResponseBase:
    a = _ouvrir(request, jeton)
    if isinstance(a, HttpResponse):
        return a
    doc = (
        Document.objects.filter(
            pk=pk,
            type="attestation",
            convention__etudiant__promotion_id=a.session.promotion_id,
            convention__etudiant__archive=False,
        )
        .select_related("convention")
        .first()
    )
    if doc is None:
        raise Http404("Cette attestation n'existe pas.")
    champ = doc.fichier_signe or doc.fichier
    if not champ.storage.exists(champ.name):
        raise Http404("Le fichier de cette attestation est introuvable.")
    nom = doc.fichier_signe_nom if doc.fichier_signe else doc.nom_fichier
    return FileResponse(champ.open("rb"), filename=nom, content_type="application/pdf")


@never_cache
def pack_candidat(request: HttpRequest, jeton: str, pk: int) -> HttpResponseBase:
    a = _ouvrir(request, jeton)
    if isinstance(a, HttpResponse):
        return a
    p = _dernier(a.session.packs.filter(etudiant_id=pk))
    if p is None:
        raise Http404("Le dossier de ce candidat n'est pas encore rassemblé.")
    return reponse_pack(p)


@never_cache
def archive(request: HttpRequest, jeton: str) -> HttpResponseBase:
    a = _ouvrir(request, jeton)
    if isinstance(a, HttpResponse):
        return a
    p = _dernier(a.session.packs.filter(etudiant__isnull=True))
    if p is None:
        raise Http404("L'archive de la promotion n'est pas encore rassemblée.")
    return reponse_pack(p)
