// Form pages: show a field only while its condition holds (the server checks
// again), and send a final submit once.
(function () {
  "use strict";
  function valueOf(form, key) {
    var inputs = form.querySelectorAll('[name="' + key + '"]');
    var values = [];
    inputs.forEach(function (input) {
      if (input.type === "radio" || input.type === "checkbox") {
        if (input.checked) values.push(input.value === "on" ? "是" : input.value);
      } else if (input.value) {
        values.push(input.value);
      }
    });
    return values;
  }
  function update(form) {
    form.querySelectorAll("[data-show-if]").forEach(function (element) {
      var key = element.getAttribute("data-show-if");
      if (!form.querySelector('[name="' + key + '"]')) return; // an earlier step's
      var wanted = element.getAttribute("data-show-value");
      element.hidden = valueOf(form, key).indexOf(wanted) === -1;
    });
  }
  document.querySelectorAll(".service-form form").forEach(function (form) {
    update(form);
    form.addEventListener("change", function () { update(form); });
    form.addEventListener("submit", function () {
      var button = form.querySelector("[data-submit-once]");
      if (button) setTimeout(function () { button.disabled = true; }, 0);
    });
  });
})();
