// The language switcher carries what the address holds beyond the page (the home page's
// filters, a search query, a month anchor) to the same page in the other language: the query
// keys are the same in every language. Read at click time, so it follows every change.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest(".languages a[hreflang]") : null;
    if (!link) return;
    var page = link.getAttribute("href").replace(/[?#].*$/, "");
    link.setAttribute("href", page + window.location.search + window.location.hash);
  });
})();
