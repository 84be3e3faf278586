// The article page's "copy link" button: shown only where the Clipboard API exists.
(function () {
  "use strict";
  document.querySelectorAll(".js-copy-link").forEach(function (button) {
    if (!navigator.clipboard) { return; }
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.url).then(function () {
        button.textContent = button.dataset.done;
      });
    });
  });
}());
