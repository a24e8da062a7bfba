// Progressive enhancements: every feature here has a no-JavaScript fallback.
(function () {
  "use strict";

  // Hero video: play only when the visitor has not asked for reduced motion.
  var video = document.querySelector("[data-hero-video]");
  var toggle = document.querySelector("[data-video-toggle]");
  var reduce = window.matchMedia("(prefers-reduced-motion: reduce)");
  if (video && !reduce.matches) {
    video.play().catch(function () {});
    if (toggle) {
      toggle.hidden = false;
      toggle.addEventListener("click", function () {
        if (video.paused) { video.play(); } else { video.pause(); }
        toggle.setAttribute("aria-pressed", String(video.paused));
      });
    }
  }

  // Print button on the short guide.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
