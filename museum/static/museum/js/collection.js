// The collection's filters: open beside the results on wide screens; on a phone they
// stay folded under "筛选" until the visitor opens them (without JavaScript they
// stay folded everywhere, and open with a tap or click).
(function () {
  "use strict";
  var facets = document.querySelector("[data-facets]");
  var wide = window.matchMedia("(min-width: 768px)");
  if (facets && wide.matches) {
    facets.open = true;
  }
})();
