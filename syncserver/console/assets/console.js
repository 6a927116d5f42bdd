// The console's only own script (no inline script is allowed by the Content-Security-Policy).
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-token"]');
  // htmx requests carry the CSRF token as a header too (forms also send it as a field).
  document.addEventListener("htmx:configRequest", function (event) {
    if (meta) event.detail.headers["X-CSRF-Token"] = meta.getAttribute("content");
  });
  // <form data-confirm="…">: ask before a state change that touches many rows or cannot be undone.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) event.preventDefault();
  }, true);
  // The custom value field is only needed when "custom" is chosen.
  function syncCustom() {
    var custom = document.getElementById("choice-custom");
    var input = document.getElementById("custom-value");
    if (custom && input) input.disabled = !custom.checked;
  }
  document.addEventListener("change", syncCustom);
  document.addEventListener("DOMContentLoaded", syncCustom);
})();
// 规则配置: a chosen file is read into the text area the form submits (without script: paste the JSON).
document.addEventListener("change", function (event) {
  if (event.target.id !== "rules-file" || !event.target.files.length) return;
  var reader = new FileReader();
  reader.onload = function () { document.getElementById("rules-document").value = reader.result; };
  reader.readAsText(event.target.files[0]);
});
