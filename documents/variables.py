"""The variables a clause template may use: the documented contract between the section's
texts and the data. `contexte.py` fills exactly these names (plain strings, lists and dicts);
the edit page shows this list, and a template naming anything else is refused."""

from __future__ import annotations

VARIABLES: dict[str, str] = {
    "etablissement.nom": "nom du lycée",
    "etablissement.uai": "code UAI",
    "etablissement.adresse": "adresse du lycée (une ligne)",
    "etablissement.chef_nom": "chef d'établissement",
    "etablissement.chef_qualite": "qualité du chef d'établissement (proviseur…)",
    "etudiant.nom": "nom du stagiaire",
    "etudiant.prenom": "prénom du stagiaire",
    "etudiant.date_naissance": "date de naissance (JJ/MM/AAAA)",
    "etudiant.formation": "intitulé de la formation",
    "etudiant.promotion": "promotion",
    "etudiant.classe": "classe",
    "organisme.raison_sociale": "raison sociale de l'organisme d'accueil",
    "organisme.siren": "SIREN",
    "organisme.adresse": "adresse du siège (une ligne)",
    "site.siret": "SIRET du lieu de stage",
    "site.nom": "enseigne ou raison sociale du lieu de stage",
    "site.adresse": "adresse du lieu de stage (une ligne)",
    "signataire.nom": "représentant de l'organisme qui signe (prénom et nom)",
    "signataire.fonction": "sa fonction",
    "tuteur.nom": "tuteur (prénom et nom)",
    "tuteur.fonction": "fonction du tuteur",
    "referent.nom": "enseignant référent (prénom et nom)",
    "convention.numero": "numéro de la convention",
    "convention.poste": "poste occupé",
    "convention.duree": "durée totale prévue, en heures",
    "periode.debut": "début de la (première) période (JJ/MM/AAAA)",
    "periode.fin": "fin de la (dernière) période (JJ/MM/AAAA)",
    "periodes": "liste des périodes, chacune avec .debut et .fin",
    "gratification.texte": "montant et modalités de la gratification, en une phrase",
    "attestation.heures": "durée effective en heures (attestation)",
    "attestation.jours": "durée effective en jours de 7 h (attestation)",
    "attestation.mois": "durée effective en mois de 22 jours (attestation)",
    "attestation.semaines": "durée effective en semaines (attestation)",
    "attestation.gratification": "gratification totale versée (attestation)",
    "avenant.numero": "numéro de l'avenant",
    "avenant.date_effet": "date d'effet de l'avenant (JJ/MM/AAAA)",
    "avenant.motif": "motif de l'avenant",
    "date_du_jour": "date de génération du document (JJ/MM/AAAA)",
    "lieu": "ville du lycée, pour « Fait à … »",
}

# The first names a template may start a variable with (plus its own {% for %} variables).
RACINES = frozenset(nom.split(".")[0] for nom in VARIABLES) | {"forloop"}
