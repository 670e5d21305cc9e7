/* Dragoman web app: the few interactions the pages have. Hand-written, no library.
 * Article page: click (or hover) a highlighted span to see the records it carries
 * (event, quote, actor, entity), cloned from the server-rendered record list:
 * no markup is ever built from strings here, so article text stays text. */
(function () {
  "use strict";

  function recordsFor(el) {
    // the span and every highlighted span around it, innermost first
    var keys = [];
    for (var node = el; node && node.id !== "body"; node = node.parentElement) {
      if (node.classList && node.classList.contains("hl")) {
        (node.getAttribute("data-rec") || "").split(" ").forEach(function (k) {
          if (k && keys.indexOf(k) < 0) keys.push(k);
        });
      }
    }
    return keys;
  }

  function show(el, view) {
    var keys = recordsFor(el);
    while (view.firstChild) view.removeChild(view.firstChild);
    keys.forEach(function (k) {
      var rec = document.getElementById("rec-" + k);
      if (rec) {
        var copy = rec.cloneNode(true);
        copy.removeAttribute("id");
        view.appendChild(copy);
      }
    });
    if (!keys.length) {
      var p = document.createElement("p");
      p.className = "muted";
      p.textContent = "No record here.";
      view.appendChild(p);
    }
  }

  function select(el, view) {
    var old = document.querySelectorAll(".hl.selected");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("selected");
    // the whole span (all its pieces) is marked, not just the piece clicked
    var rec = el.getAttribute("data-rec");
    var same = document.querySelectorAll("#body .hl");
    for (var j = 0; j < same.length; j++) {
      if (same[j].getAttribute("data-rec") === rec) same[j].classList.add("selected");
    }
    show(el, view);
  }

  function initArticle() {
    var body = document.getElementById("body");
    var view = document.getElementById("record-view");
    if (!body || !view) return;
    var pinned = null;
    body.addEventListener("click", function (e) {
      var el = e.target.closest ? e.target.closest(".hl") : null;
      if (!el || !body.contains(el)) return;
      pinned = el;
      select(el, view);
    });
    body.addEventListener("mouseover", function (e) {
      if (pinned) return; // a click pins the panel; hover previews until then
      var el = e.target.closest ? e.target.closest(".hl") : null;
      if (el && body.contains(el)) show(el, view);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && pinned) {
        pinned = null;
        var old = document.querySelectorAll(".hl.selected");
        for (var i = 0; i < old.length; i++) old[i].classList.remove("selected");
      }
    });
    function fromHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      var el = id ? document.getElementById(id) : null;
      if (el && el.classList.contains("hl")) {
        pinned = el;
        select(el, view);
      }
    }
    window.addEventListener("hashchange", fromHash);
    fromHash();
  }

  function initTimeline() {
    // a click on a timeline mark also flashes its row when the row is already the target
    var chart = document.getElementById("timeline-chart");
    if (!chart) return;
    chart.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a") : null;
      if (!a) return;
      var href = a.getAttribute("href") || a.getAttribute("xlink:href") || "";
      var row = href.charAt(0) === "#" ? document.getElementById(href.slice(1)) : null;
      if (row) {
        row.classList.remove("flash");
        void row.offsetWidth;
        row.classList.add("flash");
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initArticle();
    initTimeline();
  });
})();
