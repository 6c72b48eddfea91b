// Show each <time class="sb-time"> once, in the reader's time zone with the zone named; UTC (and on the portal the
// team's zone) stays in its title, shown on hover. Without JavaScript the text is UTC, named "UTC".
(function () {
  function localise() {
    var format = new Intl.DateTimeFormat(undefined, {
      year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
    document.querySelectorAll("time.sb-time:not([data-sb-local])").forEach(function (element) {
      var moment = new Date(element.getAttribute("datetime"));
      if (isNaN(moment)) { return; }
      element.setAttribute("data-sb-local", "");
      if (!element.getAttribute("title")) { element.setAttribute("title", element.textContent); }
      element.textContent = format.format(moment);
    });
  }
  if (window.document$) { window.document$.subscribe(localise); } else { document.addEventListener("DOMContentLoaded", localise); }
})();

// Recompute every time-dependent answer at the reader's clock, so a page built hours ago still shows the truth, and
// all answers on a page come from that one clock: who is on duty ([data-sb-duties]), whether a committed time has
// passed ([data-sb-due]), how long something has run ([data-sb-since]), what shows only from or until a moment
// ([data-sb-from], [data-sb-until]: overdue rows, "current week", verdicts) and how many moments have passed
// ([data-sb-count]: overdue counts in headers). Every attribute carries ISO UTC times. Without JavaScript the answers
// computed when the site was built stay, with the build time beside them.
(function () {
  var MINUTE = 60, HOUR = 3600, DAY = 86400;

  function twoUnits(big, bigUnit, small, smallUnit) {
    return big + " " + bigUnit + (small ? " " + small + " " + smallUnit : "");
  }

  // The same words as the build: "42 min", "3 h 5 min", "2 d 4 h" (days from 48 h), rounded down.
  function durationText(milliseconds) {
    var seconds = Math.floor(Math.abs(milliseconds) / 1000);
    if (seconds < MINUTE) { return seconds + " s"; }
    if (seconds < HOUR) { return Math.floor(seconds / MINUTE) + " min"; }
    if (seconds < 2 * DAY) { return twoUnits(Math.floor(seconds / HOUR), "h", Math.floor(seconds % HOUR / MINUTE), "min"); }
    return twoUnits(Math.floor(seconds / DAY), "d", Math.floor(seconds % DAY / HOUR), "h");
  }

  function markDue(element, now) {
    var due = new Date(element.getAttribute("data-sb-due"));
    if (isNaN(due)) { return; }
    var late = now > due;
    element.classList.toggle("sb-due--overdue", late);
    element.textContent = late ? "overdue by " + durationText(now - due) : "due in " + durationText(due - now);
  }

  function markSince(element, now) {
    var since = new Date(element.getAttribute("data-sb-since"));
    if (!isNaN(since)) { element.textContent = durationText(now - since); }
  }

  function moment(element, name) {
    var value = element.getAttribute(name);
    return value === null ? null : new Date(value);
  }

  // Show an element only from data-sb-from (inclusive) and until data-sb-until (exclusive), as the build decided.
  function markSpan(element, now) {
    var from = moment(element, "data-sb-from"), until = moment(element, "data-sb-until");
    element.hidden = (from !== null && now < from) || (until !== null && now >= until);
  }

  // Count the listed moments that have passed, plus data-sb-base.
  function markCount(element, now) {
    var moments;
    try { moments = JSON.parse(element.getAttribute("data-sb-count")); } catch (error) { return; }
    var count = Number(element.getAttribute("data-sb-base") || 0);
    moments.forEach(function (text) { if (new Date(text) <= now) { count += 1; } });
    element.textContent = String(count);
  }

  function dutyAt(duties, now) {
    for (var i = 0; i < duties.length; i++) {
      if (new Date(duties[i].start) <= now && now < new Date(duties[i].end)) { return duties[i]; }
    }
    return null;
  }

  function dutyAfter(duties, now) {
    var current = dutyAt(duties, now);
    for (var i = 0; i < duties.length; i++) {
      var starts = new Date(duties[i].start);
      if (starts > now && (current === null || duties[i].person !== current.person)) { return duties[i]; }
    }
    return null;
  }

  function markDuty(element, now) {
    var duties;
    try { duties = JSON.parse(element.getAttribute("data-sb-duties")); } catch (error) { return; }
    var duty = element.getAttribute("data-sb-pick") === "next" ? dutyAfter(duties, now) : dutyAt(duties, now);
    element.textContent = duty ? duty.person : "nobody scheduled";
  }

  function markChecked(element, now) {
    var note = element.querySelector(".sb-asof__live");
    if (!note) {
      note = document.createElement("span");
      note.className = "sb-asof__live";
      element.appendChild(note);
    }
    var format = new Intl.DateTimeFormat(undefined, {
      year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short"
    });
    var zone = format.resolvedOptions().timeZone, text = format.format(now);
    note.textContent = " · answers rechecked in your browser at " + text + (zone && text.indexOf(zone) < 0 ? " (" + zone + ")" : "");
  }

  function refresh() {
    var now = new Date();
    document.querySelectorAll("[data-sb-due]").forEach(function (element) { markDue(element, now); });
    document.querySelectorAll("[data-sb-duties]").forEach(function (element) { markDuty(element, now); });
    document.querySelectorAll("[data-sb-since]").forEach(function (element) { markSince(element, now); });
    document.querySelectorAll("[data-sb-from], [data-sb-until]").forEach(function (element) { markSpan(element, now); });
    document.querySelectorAll("[data-sb-count]").forEach(function (element) { markCount(element, now); });
    document.querySelectorAll(".sb-asof[data-sb-live]").forEach(function (element) { markChecked(element, now); });
  }

  if (window.document$) { window.document$.subscribe(refresh); } else { document.addEventListener("DOMContentLoaded", refresh); }
  window.setInterval(refresh, 60 * 1000);
})();
