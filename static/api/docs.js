// Starts Swagger UI on the API's documentation page (/api/v1/docs/). From a file, not an
// inline script: the site's Content-Security-Policy allows scripts from the site only.
(function () {
  "use strict";
  var element = document.getElementById("swagger-ui");
  if (!element || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: element.getAttribute("data-openapi-url"),
    domNode: element,
    // Swagger UI would otherwise send the schema to validator.swagger.io for a badge.
    validatorUrl: null,
    deepLinking: true,
    docExpansion: "list",
    defaultModelsExpandDepth: 0,
    displayRequestDuration: true,
    // The API is read-only.
    supportedSubmitMethods: ["get", "head"],
  });
})();
