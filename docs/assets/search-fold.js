// Fold accents out of search queries, so "Rodríguez" and "Rodriguez" find the same pages.
// Pages carry accent-free spellings of their words (hooks/briefing/search_terms.py); this is
// the other half. It runs before Material's search reads the box (capture phase).
document.addEventListener("input", function (event) {
  var box = event.target;
  if (!box.matches || !box.matches("[data-md-component=search-query]")) return;
  var folded = box.value.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  if (folded === box.value) return;
  var caret = box.selectionStart;
  box.value = folded;
  box.setSelectionRange(caret, caret);
}, true);
