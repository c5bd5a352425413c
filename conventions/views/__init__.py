"""The convention screens, one module per page: liste, detail (and its actions), formulaire
(creation, modification, live check), pointages (presence log), avenants."""
