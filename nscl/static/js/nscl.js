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
})();
