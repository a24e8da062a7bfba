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

  // Search suggestions: a list of matching services under the search box.
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.createElement("ul");
    var timer = null;
    list.className = "suggest";
    list.id = input.id + "-suggest";
    list.hidden = true;
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    input.parentNode.appendChild(list);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function show(results) {
      list.textContent = "";
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        link.textContent = result.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      list.hidden = results.length === 0;
      input.setAttribute("aria-expanded", String(!list.hidden));
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      var query = input.value.trim();
      if (!query) { close(); return; }
      timer = setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(query))
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) { if (input.value.trim() === query) { show(data.results); } })
          .catch(close);
      }, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape") { close(); }
      if (event.key === "ArrowDown" && !list.hidden) {
        event.preventDefault();
        list.querySelector("a").focus();
      }
    });
    list.addEventListener("keydown", function (event) {
      var link = document.activeElement;
      var item = link && link.parentNode;
      if (event.key === "ArrowDown" && item.nextElementSibling) {
        event.preventDefault();
        item.nextElementSibling.firstChild.focus();
      } else if (event.key === "ArrowUp") {
        event.preventDefault();
        (item.previousElementSibling ? item.previousElementSibling.firstChild : input).focus();
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (!input.parentNode.contains(event.target)) { close(); }
    });
  });

  // Print button on the short guide.
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
