"""The core pages, one module per page: accueil (home), courriels (the e-mails sent)."""
