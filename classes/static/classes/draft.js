// A written answer survives a lost connection: while the student types, a copy
// stays on this phone (localStorage, one per assignment and account) and, when
// the phone is online, the draft is saved on the server too (a POST of the form
// with action=draft, answered in JSON). A copy the server has not saved yet comes
// back after a reload; the copy is dropped once the work has been handed in.
(function () {
  "use strict";
  var form = document.getElementById("submission-form");
  var textarea = document.getElementById("id_text");
  var status = document.getElementById("draft-status");
  var stringsNode = document.getElementById("draft-strings");
  if (!form || !textarea || !status || !stringsNode || !window.fetch || !window.FormData) return;
  var strings = JSON.parse(stringsNode.textContent);
  var key = form.getAttribute("data-storage-key");
  var token = form.elements.token.value;  // this form's one-time token
  // Not form.action: the buttons named "action" would shadow it.
  var target = form.getAttribute("action") || window.location.pathname;
  var WAIT_MS = 3000;  // after the last keystroke
  var RETRY_MS = 20000;  // after a failed save while the phone says it is online
  var timer = null;
  var saving = false;
  var dirty = false;
  var sending = false;

  function say(text) { status.textContent = text; }

  function readCopy() {
    try { return JSON.parse(localStorage.getItem(key)); } catch (error) { return null; }
  }

  function writeCopy(saved) {
    try {
      localStorage.setItem(key, JSON.stringify({ text: textarea.value, token: token, saved: saved }));
    } catch (error) { /* storage full or disabled: the server draft still works */ }
  }

  function dropCopy() {
    try { localStorage.removeItem(key); } catch (error) { /* nothing to drop */ }
  }

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(save, delay || WAIT_MS);
  }

  function markSaved(text) {
    var copy = readCopy();
    if (copy && copy.text === text) writeCopy(true);
  }

  function save() {
    timer = null;
    if (!dirty || saving || sending) return;
    if (!navigator.onLine) { say(strings.offline); return; }
    var text = textarea.value;
    var body = new FormData();
    body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    body.append("action", "draft");
    body.append("text", text);
    saving = true;
    dirty = false;
    say(strings.saving);
    var retry = WAIT_MS;
    fetch(target, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { Accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok && answer.saved) { markSaved(text); say(strings.saved); }
        else { say(answer.error || strings.failed); }
      });
    }).catch(function () {
      dirty = true;
      retry = RETRY_MS;
      say(navigator.onLine ? strings.failed : strings.offline);
    }).then(function () {
      saving = false;
      // Typed while saving, or failed: save again (offline: when back online).
      if (dirty && navigator.onLine) schedule(retry);
    });
  }

  // A copy typed into a form that was then handed in is done with.
  var copy = readCopy();
  var handedIn = form.getAttribute("data-handed-in");
  if (copy && handedIn && copy.token === handedIn) { dropCopy(); copy = null; }
  if (copy && !copy.saved && typeof copy.text === "string" && copy.text !== textarea.value) {
    textarea.value = copy.text;
    dirty = true;
    say(strings.restored);
    schedule();
  }

  textarea.addEventListener("input", function () {
    dirty = true;
    writeCopy(false);
    schedule();
  });
  window.addEventListener("online", function () { if (dirty) save(); });
  window.addEventListener("offline", function () { say(strings.offline); });
  form.addEventListener("submit", function () {
    // The page is being sent: no autosave may race it, and the copy stays
    // until the page that comes back shows the work was handed in.
    sending = true;
    clearTimeout(timer);
    writeCopy(false);
  });
})();
