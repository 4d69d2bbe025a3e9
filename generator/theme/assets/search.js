// The search page: starts Pagefind's UI (pagefind/pagefind-ui.js, loaded just before this file)
// with the site's own translations, runs the query of ?q= (what the header search box sends) and
// keeps the query typed in the address (history.replaceState), so results can be shared and
// survive a reload. Pagefind finds its index and the site root from its script's address, so
// the site works from a domain root or a sub-path. Opened from disk (file://) a browser refuses
// to load the index: the page says so instead of failing.
(function () {
  "use strict";
  var container = document.getElementById("search");
  if (!container) return;

  function explain(id) {
    var message = document.getElementById(id);
    if (message) message.hidden = false;
  }

  if (window.location.protocol === "file:") {
    explain("search-from-disk");
    return;
  }
  if (typeof window.PagefindUI !== "function") {
    explain("search-failed");
    return;
  }

  function remember(term) {
    var params = new URLSearchParams(window.location.search);
    if (term) {
      params.set("q", term);
    } else {
      params.delete("q");
    }
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (address !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(window.history.state, "", address);
    }
  }

  // The UI's strings, from the catalog: data-ui-zero-results="…" is Pagefind's zero_results.
  function translations() {
    var strings = {};
    Array.prototype.forEach.call(container.attributes, function (attribute) {
      if (attribute.name.indexOf("data-ui-") === 0) {
        strings[attribute.name.slice(8).replace(/-/g, "_")] = attribute.value;
      }
    });
    return strings;
  }

  var initial = (new URLSearchParams(window.location.search).get("q") || "").trim();
  var ui = new window.PagefindUI({
    element: "#search",
    showSubResults: true,
    showImages: false,
    autofocus: !initial,
    translations: translations(),
    processTerm: function (term) {
      remember(term.trim());
      return term;
    }
  });
  // Pagefind names its box by a placeholder only; the page heading («Поиск», «Іздеу») is its label.
  var box = container.querySelector(".pagefind-ui__search-input");
  if (box) box.setAttribute("aria-labelledby", "search-title");
  if (initial) ui.triggerSearch(initial);

  // Pagefind does not search for an empty box, so it never reports one: forget the query here.
  container.addEventListener("input", function (event) {
    if (event.target.value === "") remember("");
  });
  container.addEventListener("click", function (event) {
    if (event.target.closest(".pagefind-ui__search-clear")) remember("");
  });
})();
