// The page works without this script; with it, "Run export now" starts a run without leaving the
// page, progress is followed live, the lists refresh when a run ends, and choosing a section filters.
(function () {
  "use strict";

  var panel = document.getElementById("status");
  if (!panel) {
    return;
  }
  var form = document.getElementById("run-now");
  var button = form ? form.querySelector("button") : null;
  var message = document.getElementById("status-message");
  var bar = document.getElementById("status-progress");
  var next = document.getElementById("status-next");
  var shownRun = panel.getAttribute("data-last-run") || "";
  var state = panel.getAttribute("data-state") || "idle";
  var timer = null;

  function csrf() {
    var field = form ? form.querySelector("input[name='_csrf']") : null;
    return field ? field.value : "";
  }

  function show(status) {
    state = status.state;
    message.textContent = status.message;
    if (next) {
      next.textContent = status.nextRun ? "Next scheduled run: " + status.nextRun + "." : "No schedule: exports start from this button.";
    }
    var busy = state !== "idle";
    if (button) {
      button.disabled = busy;
    }
    bar.hidden = !busy;
    if (busy && status.total > 0) {
      bar.max = status.total;
      bar.value = Math.min(status.read, status.total);
    } else {
      bar.removeAttribute("value"); // indeterminate until the run's size is known
    }
    var lastRun = status.lastRunId === null || status.lastRunId === undefined ? "" : String(status.lastRunId);
    if (!busy && lastRun !== shownRun) {
      // A run ended since the page was drawn: its articles and its row are not on the page yet.
      panel.setAttribute("data-finished", lastRun);
      window.setTimeout(function () { window.location.reload(); }, 1500);
      return false;
    }
    return true;
  }

  function poll() {
    window.clearTimeout(timer);
    fetch("/api/status", { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
      .then(function (status) {
        if (show(status)) {
          schedule();
        }
      })
      .catch(function () { schedule(10000); });
  }

  function schedule(delay) {
    timer = window.setTimeout(poll, delay || (state === "idle" ? 15000 : 1000));
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      button.disabled = true;
      fetch(form.action, {
        method: "POST",
        headers: { "Accept": "application/json", "X-CSRF-TOKEN": csrf() },
        credentials: "same-origin"
      })
        .then(function (response) {
          if (response.status === 403) {
            message.textContent = "The page is out of date; reload it and try again.";
            return null;
          }
          return response.json();
        })
        .then(function (answer) {
          if (!answer) {
            button.disabled = false;
            return;
          }
          if (show(answer.status)) {
            if (answer.start === "BUSY") {
              message.textContent = "A run is already going; nothing new was started. " + answer.status.message;
            }
            schedule(1000);
          }
        })
        .catch(function () {
          message.textContent = "The server did not answer; is it still running?";
          button.disabled = false;
        });
    });
  }

  var section = document.getElementById("section");
  if (section && section.form) {
    section.addEventListener("change", function () { section.form.submit(); });
  }

  schedule(state === "idle" ? 15000 : 1000);
})();
