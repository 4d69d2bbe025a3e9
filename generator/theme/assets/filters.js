// Home-page filters: show only the events of an actor, a country, a topic or a kind, without a
// page load. The choice lives in the address (?actor=…&tag=…), so a filtered view can be shared
// and survives a reload. Without JavaScript the form stays hidden and every event is listed.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  var fields = ["actor", "country", "tag", "kind"];
  var entries = Array.prototype.slice.call(document.querySelectorAll(".event-entry"));
  var status = document.getElementById("filter-status");
  var forms = JSON.parse(form.getAttribute("data-count-forms"));
  var plural = new Intl.PluralRules(document.documentElement.lang);

  function chosen() {
    var values = {};
    fields.forEach(function (field) {
      var value = form.elements[field].value;
      if (value) values[field] = value;
    });
    return values;
  }

  function matches(entry, values) {
    return Object.keys(values).every(function (field) {
      var words = (entry.getAttribute("data-" + field) || "").split(" ");
      return words.indexOf(values[field]) !== -1;
    });
  }

  function hideEmpty(selector) {
    document.querySelectorAll(selector).forEach(function (group) {
      group.hidden = !group.querySelector(".event-entry:not([hidden])");
    });
  }

  function apply() {
    var values = chosen();
    var shown = 0;
    entries.forEach(function (entry) {
      entry.hidden = !matches(entry, values);
      if (!entry.hidden) shown += 1;
    });
    hideEmpty("section.month");
    hideEmpty("section.year");
    var filtering = Object.keys(values).length > 0;
    var template = forms[plural.select(shown)] || forms.other || "%(num)d";
    status.textContent = filtering ? template.replace("%(num)d", String(shown)) : "";
    var query = new URLSearchParams(values).toString();
    var address = location.pathname + (query ? "?" + query : "") + location.hash;
    history.replaceState(null, "", address);
  }

  var params = new URLSearchParams(location.search);
  fields.forEach(function (field) {
    var value = params.get(field);
    var select = form.elements[field];
    if (value && select.querySelector('option[value="' + CSS.escape(value) + '"]')) select.value = value;
  });
  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply();
  });
  form.addEventListener("reset", function () {
    setTimeout(apply, 0);
  });
  apply();
})();
