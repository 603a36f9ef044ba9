// The Markdown preview beside a body field in the admin: redrawn as the editor types, by the
// server's own renderer and sanitiser (the admin's preview address returns sanitised HTML).
// Without this script the preview shows the text as loaded, and the Preview button renders
// the unsaved text in a new tab.
(function () {
  "use strict";

  function csrfToken(form) {
    var input = form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function attach(preview) {
    var source = document.getElementById(preview.dataset.previewSource);
    var url = preview.dataset.previewUrl;
    if (!source || !url || !source.form) {
      return;
    }
    var field = preview.dataset.previewField;
    var language = field.slice(-2);
    var timer = null;
    var sent = 0;

    function redraw() {
      var body = new FormData();
      body.append("body_" + language, source.value);
      var number = ++sent;
      fetch(url, {
        method: "POST",
        body: body,
        credentials: "same-origin",
        headers: { "Accept": "application/json", "X-CSRFToken": csrfToken(source.form) }
      })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (rendered) {
          // Only the answer to the latest request: an older one may arrive last.
          if (rendered && number === sent) {
            preview.innerHTML = rendered[language] || "";
          }
        })
        .catch(function () {
          // Offline or logged out: the preview keeps what it showed.
        });
    }

    source.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(redraw, 400);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".markdown-preview[data-preview-url]").forEach(attach);
  });
})();
