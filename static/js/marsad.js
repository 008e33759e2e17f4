// Marsad: a little progressive enhancement. Everything works without it.
(function () {
  "use strict";

  // An empty select ("كل القادة") means no filter: leave it out of the URL so
  // the shared link stays short (the server ignores empty values anyway).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "get") {
      return;
    }
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !field.disabled && field.value === "") {
        field.disabled = true;
        window.setTimeout(function () { field.disabled = false; }, 0);
      }
    });
  });
})();
