// Booking pages: add a visitor row without a round trip (the server does the same
// for "添加参观人" without JavaScript), focus errors, and send a confirmation once.
(function () {
  "use strict";
  // "未满18周岁" matters only for documents without a birth date in the number.
  function showMinor(row) {
    var kind = row.querySelector("select");
    var minor = row.querySelector("[data-minor]");
    if (kind && minor) minor.hidden = kind.value === "resident_id";
  }
  document.querySelectorAll("[data-booking-form]").forEach(function (form) {
    form.querySelectorAll("[data-visitor-list] [data-visitor]").forEach(showMinor);
    form.addEventListener("change", function (event) {
      var row = event.target.closest("[data-visitor]");
      if (row && event.target.tagName === "SELECT") showMinor(row);
    });
    var add = form.querySelector("[data-add-visitor]");
    var template = form.querySelector("[data-visitor-template]");
    var list = form.querySelector("[data-visitor-list]");
    var count = form.querySelector("[data-visitor-count]");
    var cap = parseInt(form.getAttribute("data-cap"), 10);
    if (!add || !template || !list || !count) return;
    add.addEventListener("click", function (event) {
      var index = parseInt(count.value, 10);
      if (!(index < cap)) return;
      event.preventDefault();
      var html = template.innerHTML
        .replace(/__i__/g, String(index))
        .replace(/__n__/g, String(index + 1));
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.firstElementChild;
      list.appendChild(row);
      showMinor(row);
      count.value = String(index + 1);
      if (index + 1 >= cap) add.hidden = true;
      var first = row.querySelector("input");
      if (first) first.focus();
    });
  });
  var alert = document.querySelector("[data-focus]");
  if (alert) alert.focus();
  var fresh = document.getElementById("new-visitor");
  if (fresh) {
    var input = fresh.querySelector("input");
    if (input) input.focus();
  }
  document.querySelectorAll("form[data-submit-once]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (form.getAttribute("data-sent")) {
        event.preventDefault();
        return;
      }
      form.setAttribute("data-sent", "1");
      var button = form.querySelector("button[type=submit]");
      if (button) setTimeout(function () { button.disabled = true; }, 0);
    });
  });
})();
