// Site behaviour kept out of the templates (no inline handlers).
(function () {
  "use strict";
  // Auto-submit filters marked data-autosubmit when they change (HTMX takes over when present).
  document.addEventListener("change", function (event) {
    var el = event.target;
    if (el.matches && el.matches("[data-autosubmit]") && el.form && !el.form.hasAttribute("hx-get")) {
      el.form.requestSubmit();
    }
  });
  // Keyboard navigation for search suggestions: ArrowDown moves into the list.
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!input.matches || !input.matches("[data-suggest-input]") || event.key !== "ArrowDown") return;
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var first = list && list.querySelector("a");
    if (first) { event.preventDefault(); first.focus(); }
  });
  // Suggestions close when the search is submitted, on Escape, and on a click elsewhere.
  function closeSuggestions() {
    document.querySelectorAll("[data-suggest-input]").forEach(function (input) {
      var list = document.getElementById(input.getAttribute("aria-controls"));
      if (list) list.innerHTML = "";
    });
  }
  var submittedText = null;
  function onSearchSubmit() {
    var input = document.querySelector("[data-suggest-input]");
    submittedText = input ? input.value : null;
    closeSuggestions();
  }
  document.addEventListener("submit", onSearchSubmit, true);
  document.addEventListener("htmx:beforeRequest", function (event) {
    if (event.detail.elt && event.detail.elt.id === "search-form") onSearchSubmit();
  });
  // A suggestion answer that arrives after the search was submitted is dropped.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var elt = event.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute("data-suggest-input") && elt.value === submittedText) {
      event.detail.shouldSwap = false;
    }
  });
  document.addEventListener("input", function (event) {
    if (event.target.matches && event.target.matches("[data-suggest-input]")) submittedText = null;
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeSuggestions();
  });
  document.addEventListener("click", function (event) {
    if (!event.target.closest || !event.target.closest(".search-box")) closeSuggestions();
  });
  // Keep shared search URLs short: drop empty fields (an empty "year_min=") before HTMX sends a GET.
  document.addEventListener("htmx:configRequest", function (event) {
    var data = event.detail.formData;
    if (!data || event.detail.verb !== "get") return;
    var empty = [];
    data.forEach(function (value, key) { if (value === "") empty.push(key); });
    empty.forEach(function (key) {
      var kept = data.getAll(key).filter(function (v) { return v !== ""; });
      data.delete(key);
      kept.forEach(function (v) { data.append(key, v); });
    });
  });
})();
