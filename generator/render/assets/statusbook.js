// Show each <time class="sb-time"> in the reader's time zone as well as UTC. Without JavaScript the UTC text stays.
(function () {
  function localise() {
    var format = new Intl.DateTimeFormat(undefined, {
      year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
    document.querySelectorAll("time.sb-time:not([data-sb-local])").forEach(function (element) {
      var moment = new Date(element.getAttribute("datetime"));
      if (isNaN(moment)) { return; }
      element.setAttribute("data-sb-local", "");
      element.setAttribute("title", element.textContent);
      element.textContent = format.format(moment) + " (" + element.textContent + ")";
    });
  }
  if (window.document$) { window.document$.subscribe(localise); } else { document.addEventListener("DOMContentLoaded", localise); }
})();
