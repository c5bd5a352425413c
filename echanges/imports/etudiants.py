"""Import a class list (as the student information system exports it) into a promotion.

A row names a student already in the promotion when it has their INE or, without an INE,
their name, first name and date of birth: that student is updated, the others are created.
An empty cell never erases what is known, and a name that differs only in capitals or
accents is the same name (the school's system writes names in capitals).

A student with an e-mail and no account gets one, with role étudiant and no password, and
the invitation « Activez votre compte Stages » (etablissement/invitations.py), sent once the
import is committed: never by the preview, never again to a student who has an account. An
address that is a staff member's or another student's does not reject the row: the student
is imported, not invited, and the preview says why.

All or nothing: the rows are written through `etablissement.services` (full_clean) in one
transaction, rolled back if any row is rejected, and always rolled back for the preview, so
the preview shows exactly what the confirmation will do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from echanges.imports import valeurs
from echanges.imports.bilan import Action, Bilan, Operation, Probleme, Rejet, problemes_de
from echanges.imports.colonnes import Colonne, cle_comparaison
from echanges.imports.lecture import Exigence, Ligne, Tableau
from etablissement.invitations import etudiant_inviter
from etablissement.models import Etudiant, Promotion
from etablissement.services import etudiant_creer, etudiant_modifier
from etablissement.validators import normaliser_code, valider_ine

# The keys are the fields of Etudiant.
COLONNES = (
    Colonne(
        "nom",
        "nom",
        ("nom de famille", "nom d'usage", "nom patronymique", "nom élève", "nom de l'élève",
         "nom étudiant", "nom de l'étudiant"),
        "Obligatoire.",
    ),
    Colonne(
        "prenom",
        "prénom",
        ("prénoms", "premier prénom", "prénom 1", "prénom élève", "prénom de l'élève",
         "prénom étudiant", "prénom de l'étudiant"),
        "Obligatoire.",
    ),
    Colonne(
        "date_naissance",
        "date de naissance",
        ("né(e) le", "né le", "née le", "date naissance", "date de naiss.", "naissance"),
        "Obligatoire : JJ/MM/AAAA, AAAA-MM-JJ ou une cellule date du tableur.",
    ),
    Colonne(
        "ine",
        "INE",
        ("n° INE", "numéro INE", "INE élève", "identifiant national"),
        "11 caractères. Un INE déjà connu dans la promotion met à jour cet étudiant.",
    ),
    Colonne(
        "email",
        "e-mail",
        ("mail", "courriel", "mél", "adresse e-mail", "adresse mail", "adresse électronique",
         "e-mail élève", "mail élève"),
        "Facultatif.",
    ),
    Colonne("classe", "classe", ("division", "classe(s)"), "Facultatif, par exemple NDRC1 A."),
)  # fmt: skip
EXIGENCES: tuple[Exigence, ...] = (("nom",), ("prenom",), ("date_naissance",))
LIBELLES = {c.cle: c.libelle for c in COLONNES}
ENTETES = ("Nom", "Prénom", "Date de naissance", "INE", "E-mail", "Classe")


@dataclass(frozen=True)
class _Fiche:
    """A row of the class list, read and checked."""

    nom: str
    prenom: str
    date_naissance: date
    ine: str
    email: str
    classe: str

    @property
    def identite(self) -> tuple[str, str, date]:
        return cle_comparaison(self.nom), cle_comparaison(self.prenom), self.date_naissance

    @property
    def cellules(self) -> tuple[str, ...]:
        return (
            self.nom,
            self.prenom,
            f"{self.date_naissance:%d/%m/%Y}",
            self.ine,
            self.email,
            self.classe,
        )


def etudiants_importer(*, promotion: Promotion, tableau: Tableau, enregistrer: bool) -> Bilan:
    """Create or update the students of `tableau` in `promotion`, all or nothing; with
    `enregistrer=False` (the preview) the same work is done, then rolled back."""
    bilan = Bilan(entetes=ENTETES, ignorees=tableau.ignorees)
    with transaction.atomic():
        _importer(promotion, tableau, bilan)
        if bilan.rejets or not enregistrer:
            transaction.set_rollback(True)
    return bilan


def _importer(promotion: Promotion, tableau: Tableau, bilan: Bilan) -> None:
    fiches = _lire_et_dedoublonner(tableau.lignes, bilan)
    # Two queries for the whole file: the promotion's students, and whoever holds its INEs.
    inscrits = list(promotion.etudiants.all())
    par_identite = {_identite(e): e for e in inscrits}
    ines = {f.ine for _, f in fiches if f.ine}
    par_ine = {e.ine: e for e in Etudiant.objects.filter(ine__in=ines).select_related("promotion")}
    designes: dict[int, int] = {}  # student pk -> the row that named them
    for numero, fiche in fiches:
        existant, probleme = _retrouver(promotion, fiche, par_ine, par_identite)
        if existant is not None and existant.pk in designes:
            probleme = Probleme(
                None, f"cette ligne et la ligne {designes[existant.pk]} désignent {existant}"
            )
        if probleme is not None:
            bilan.rejets.append(Rejet(numero, (probleme,)))
            continue
        if existant is not None:
            designes[existant.pk] = numero
        try:
            with transaction.atomic():  # a savepoint: a refused row leaves the others intact
                bilan.operations.append(_ecrire(promotion, numero, fiche, existant))
        except ValidationError as erreur:
            bilan.rejets.append(Rejet(numero, tuple(problemes_de(erreur, LIBELLES))))
        except IntegrityError:
            bilan.rejets.append(
                Rejet(numero, (Probleme(None, "un autre étudiant vient d'être enregistré avec "
                                              "ces identifiants : recommencez l'import"),))
            )  # fmt: skip
    bilan.rejets.sort(key=lambda r: r.ligne)


def _lire_et_dedoublonner(lignes: list[Ligne], bilan: Bilan) -> list[tuple[int, _Fiche]]:
    fiches = []
    vus_ine: dict[str, int] = {}
    vus_identite: dict[tuple[str, str, date], int] = {}
    for ligne in lignes:
        fiche, problemes = _lire(ligne)
        if fiche is not None:
            if fiche.ine and fiche.ine in vus_ine:
                problemes.append(
                    Probleme("INE", f"{fiche.ine} figure déjà ligne {vus_ine[fiche.ine]}")
                )
            elif fiche.identite in vus_identite:
                problemes.append(
                    Probleme(
                        None,
                        f"{fiche.prenom} {fiche.nom}, né(e) le {fiche.date_naissance:%d/%m/%Y}, "
                        f"figure déjà ligne {vus_identite[fiche.identite]}",
                    )
                )
            if fiche.ine:
                vus_ine.setdefault(fiche.ine, ligne.numero)
            vus_identite.setdefault(fiche.identite, ligne.numero)
        if problemes:
            bilan.rejets.append(Rejet(ligne.numero, tuple(problemes)))
        elif fiche is not None:
            fiches.append((ligne.numero, fiche))
    return fiches


def _lire(ligne: Ligne) -> tuple[_Fiche | None, list[Probleme]]:
    problemes = []
    nom = valeurs.texte(ligne.valeurs.get("nom"))
    prenom = valeurs.texte(ligne.valeurs.get("prenom"))
    if not nom:
        problemes.append(Probleme("nom", "le nom manque"))
    if not prenom:
        problemes.append(Probleme("prénom", "le prénom manque"))
    naissance = None
    try:
        naissance = valeurs.jour(ligne.valeurs.get("date_naissance"))
        if naissance is None:
            problemes.append(Probleme("date de naissance", "la date de naissance manque"))
    except valeurs.ValeurInvalide as erreur:
        problemes.append(Probleme("date de naissance", erreur.raison))
    ine = normaliser_code(valeurs.texte(ligne.valeurs.get("ine")))
    if ine:
        try:
            valider_ine(ine)
        except ValidationError as erreur:
            problemes.append(Probleme("INE", erreur.messages[0]))
    email = ""
    try:
        email = valeurs.email(ligne.valeurs.get("email"))
    except valeurs.ValeurInvalide as erreur:
        problemes.append(Probleme("e-mail", erreur.raison))
    classe = valeurs.texte(ligne.valeurs.get("classe"))
    if naissance is None or not nom or not prenom:
        return None, problemes
    return _Fiche(nom, prenom, naissance, ine, email, classe), problemes


def _identite(etudiant: Etudiant) -> tuple[str, str, date]:
    return cle_comparaison(etudiant.nom), cle_comparaison(etudiant.prenom), etudiant.date_naissance


def _retrouver(
    promotion: Promotion,
    fiche: _Fiche,
    par_ine: dict[str, Etudiant],
    par_identite: dict[tuple[str, str, date], Etudiant],
) -> tuple[Etudiant | None, Probleme | None]:
    """The student this row names, if known; or why the row contradicts the records."""
    porteur = par_ine.get(fiche.ine) if fiche.ine else None
    if porteur is not None:
        if porteur.promotion_id != promotion.pk:
            return None, Probleme(
                "INE", f"{fiche.ine} est l'INE de {porteur}, de la promotion {porteur.promotion}"
            )
        return porteur, None
    homonyme = par_identite.get(fiche.identite)
    if homonyme is not None and homonyme.ine and fiche.ine:
        return None, Probleme(
            "INE",
            f"{homonyme}, né(e) le {homonyme.date_naissance:%d/%m/%Y}, a l'INE {homonyme.ine} "
            f"dans la promotion, pas {fiche.ine} : vérifiez lequel est juste",
        )
    return homonyme, None


def _ecrire(
    promotion: Promotion, numero: int, fiche: _Fiche, existant: Etudiant | None
) -> Operation:
    if existant is None:
        etudiant = etudiant_creer(
            promotion=promotion,
            nom=fiche.nom,
            prenom=fiche.prenom,
            date_naissance=fiche.date_naissance,
            ine=fiche.ine,
            email=fiche.email,
            classe=fiche.classe,
        )
        invite, note = _inviter(etudiant)
        return Operation(numero, Action.CREATION, fiche.cellules, note, invitation=invite)
    changements = _changements(existant, fiche)
    details = tuple(
        f"{LIBELLES[champ]} : {_montrer(getattr(existant, champ))} → {_montrer(valeur)}"
        for champ, valeur in changements.items()
    )
    if existant.archive:
        details += ("fiche archivée : elle le reste",)
    action = Action.INCHANGE
    if changements:
        existant = etudiant_modifier(etudiant=existant, **changements)
        action = Action.MISE_A_JOUR
    invite, note = _inviter(existant)
    return Operation(numero, action, fiche.cellules, details + note, invitation=invite)


def _inviter(etudiant: Etudiant) -> tuple[bool, tuple[str, ...]]:
    """Invite a student with an e-mail and no account (archived ones are not); whether
    they were, and what the preview says of it."""
    if not etudiant.email or etudiant.utilisateur_id is not None or etudiant.archive:
        return False, ()
    try:
        with transaction.atomic():
            etudiant_inviter(etudiant=etudiant)
    except ValidationError as erreur:
        return False, (f"pas d'invitation : {erreur.messages[0]}",)
    return True, ("invitation à activer son compte",)


def _changements(existant: Etudiant, fiche: _Fiche) -> dict[str, object]:
    """The fields the row changes: a filled cell with another value than the record's."""
    changements: dict[str, object] = {}
    for champ in ("nom", "prenom"):
        valeur = getattr(fiche, champ)
        if cle_comparaison(valeur) != cle_comparaison(getattr(existant, champ)):
            changements[champ] = valeur
    if fiche.date_naissance != existant.date_naissance:
        changements["date_naissance"] = fiche.date_naissance
    for champ in ("ine", "email", "classe"):
        valeur = getattr(fiche, champ)
        if valeur and valeur != getattr(existant, champ):
            changements[champ] = valeur
    return changements


def _montrer(valeur: object) -> str:
    if isinstance(valeur, date):
        return f"{valeur:%d/%m/%Y}"
    return str(valeur) if valeur else "(vide)"
