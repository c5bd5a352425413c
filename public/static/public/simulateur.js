// The "Imprimer" button: hidden without JavaScript (the browser's own print works then),
// shown and wired here because the CSP forbids inline handlers. Delegated on the document:
// htmx replaces the result, and the button with it.
document.addEventListener("click", function (evenement) {
  if (evenement.target.closest("[data-imprimer]")) {
    window.print();
  }
});
function montrerBoutons() {
  document.querySelectorAll("[data-imprimer]").forEach(function (bouton) {
    bouton.hidden = false;
  });
}
document.addEventListener("DOMContentLoaded", montrerBoutons);
document.addEventListener("htmx:afterSettle", montrerBoutons);
