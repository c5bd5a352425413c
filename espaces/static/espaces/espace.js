// « Tout cocher »: ticks or unticks every signable document of the list. Without
// JavaScript the box stays hidden and each document is ticked by hand.
document.addEventListener("DOMContentLoaded", () => {
  const tout = document.getElementById("tout-cocher");
  if (!tout) return;
  const cases = () => document.querySelectorAll("input[name='signatures']:not(:disabled)");
  tout.closest("[hidden]")?.removeAttribute("hidden");
  tout.addEventListener("change", () => {
    cases().forEach((c) => { c.checked = tout.checked; });
  });
});
