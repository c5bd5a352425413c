from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from comptes import sso, sso_cas, views
from comptes.forms import ConnexionForm, MotDePasseOublieForm, NouveauMotDePasseForm

app_name = "comptes"

urlpatterns = [
    path(
        "connexion/",
        views.Connexion.as_view(
            template_name="comptes/connexion.html",
            form_class=ConnexionForm,
            redirect_authenticated_user=True,
        ),
        name="connexion",
    ),
    path("deconnexion/", views.deconnexion, name="deconnexion"),
    # Single sign-on by the ENT (OpenID Connect), when configured (comptes/sso.py).
    path("connexion/ent/", sso.Demande.as_view(), name="sso"),
    path("connexion/ent/retour/", sso.Retour.as_view(), name="sso_retour"),
    path("connexion/cas/", sso_cas.Connexion.as_view(), name="sso_cas"),
    # Password reset by e-mail, in four steps: ask, "sent", choose a new one, done.
    path(
        "mot-de-passe/oublie/",
        auth_views.PasswordResetView.as_view(
            template_name="comptes/mot_de_passe_oublie.html",
            form_class=MotDePasseOublieForm,
            subject_template_name="comptes/email/mot_de_passe_oublie_sujet.txt",
            email_template_name="comptes/email/mot_de_passe_oublie.txt",
            success_url=reverse_lazy("comptes:mot_de_passe_envoye"),
        ),
        name="mot_de_passe_oublie",
    ),
    path(
        "mot-de-passe/envoye/",
        auth_views.PasswordResetDoneView.as_view(template_name="comptes/mot_de_passe_envoye.html"),
        name="mot_de_passe_envoye",
    ),
    path(
        "mot-de-passe/nouveau/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="comptes/mot_de_passe_nouveau.html",
            form_class=NouveauMotDePasseForm,
            success_url=reverse_lazy("comptes:mot_de_passe_modifie"),
        ),
        name="mot_de_passe_nouveau",
    ),
    # A student's invitation (etablissement/invitations.py): the same token and page, other
    # words, and logged in to « Mon stage » once the password is chosen.
    path(
        "compte/activer/<uidb64>/<token>/",
        views.Activation.as_view(),
        name="activer",
    ),
    path(
        "mot-de-passe/modifie/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="comptes/mot_de_passe_modifie.html"
        ),
        name="mot_de_passe_modifie",
    ),
]
