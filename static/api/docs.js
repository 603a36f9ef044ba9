// Starts Swagger UI on the API's documentation page (/api/v1/docs/). From a file, not an
// inline script: the site's Content-Security-Policy allows scripts from the site only.
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || typeof window.SwaggerUIBundle !== "function") {
    return;
  }

  // What Swagger UI leaves out for assistive technology, added as it draws: a name for each
  // parameter's field (its row names the parameter but has no <label>), for the examples
  // list, and keyboard access to code blocks that scroll.
  function describe(root) {
    var fields = root.querySelectorAll(
      "tr[data-param-name] select:not([aria-label]), tr[data-param-name] input:not([aria-label])"
    );
    Array.prototype.forEach.call(fields, function (field) {
      field.setAttribute("aria-label", field.closest("tr").getAttribute("data-param-name"));
    });
    Array.prototype.forEach.call(
      root.querySelectorAll("select:not([aria-label])"),
      function (field) {
        field.setAttribute("aria-label", element.getAttribute("data-label-choice"));
      }
    );
    Array.prototype.forEach.call(root.querySelectorAll("pre:not([tabindex])"), function (block) {
      block.setAttribute("tabindex", "0");
    });
  }
  new MutationObserver(function () {
    describe(element);
  }).observe(element, { childList: true, subtree: true });

  window.SwaggerUIBundle({
    url: element.getAttribute("data-openapi-url"),
    domNode: element,
    // Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
    validatorUrl: null,
    // Deep links would put a link inside each operation's button (nested controls, which
    // screen readers do not announce well).
    deepLinking: false,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    // Its colour themes fall short of WCAG AA contrast on their dark background.
    syntaxHighlight: false,
    // The API is read-only.
    supportedSubmitMethods: ["get", "head"],
  });
})();
