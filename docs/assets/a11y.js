// Regions that scroll sideways can be reached by keyboard (WCAG 2.1.1; axe:
// scrollable-region-focusable). Material gives code blocks a tabindex only on devices that can
// hover, so on phones a wide code block or table could be scrolled by touch but not by keyboard.
(function () {
  "use strict";
  var SCROLLERS = ".md-typeset pre > code, .md-typeset__scrollwrap, .md-typeset .briefing-table";

  function markScrollers() {
    document.querySelectorAll(SCROLLERS).forEach(function (region) {
      if (region.scrollWidth > region.clientWidth + 1 && !region.hasAttribute("tabindex")) {
        region.setAttribute("tabindex", "0");
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markScrollers);
  } else {
    markScrollers();
  }
  window.addEventListener("resize", markScrollers);
  window.addEventListener("load", markScrollers);
})();
