// Class chat: a small hand-written client for docs/chat-protocol.md.
// The page works without it (a form that posts); this adds live messages,
// reconnection with backoff, catching up by id, and a queue for messages
// typed while offline. Everything shown is set with textContent: never HTML.
(function () {
  "use strict";
  var root = document.getElementById("chat");
  if (!root || !("WebSocket" in window)) return;
  var list = document.getElementById("chat-messages");
  var form = document.getElementById("chat-form");
  var status = document.getElementById("chat-status");
  var template = document.getElementById("chat-message-template");
  var menuTemplate = document.getElementById("chat-menu-template");
  var strings = JSON.parse(document.getElementById("chat-strings").textContent);
  var room = root.dataset.room;
  // The newest id with none missing before it: what ?after= and history ask
  // from. A later id that came first (two processes publish in any order)
  // does not move it, or a lost connection would skip the missing one.
  var lastId = parseInt(root.dataset.lastId, 10) || 0;
  var askedAfter = -1;
  var storageKey = "harbor-chat-pending:" + room;
  var socket = null;
  var retries = 0;
  var stopped = false;

  function pending() {
    try { return JSON.parse(localStorage.getItem(storageKey)) || []; } catch (e) { return []; }
  }
  function savePending(items) {
    try { localStorage.setItem(storageKey, JSON.stringify(items)); } catch (e) { /* full or private mode */ }
  }
  function newClientId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    return Date.now().toString(36) + Math.random().toString(36).slice(2);
  }
  function say(text) { status.textContent = text || ""; }

  function nearBottom() {
    return window.innerHeight + window.scrollY >= document.body.scrollHeight - 120;
  }
  function showNewest() {
    // The page's end rather than the last message's: the composer sticks to the
    // bottom of the screen and would cover a message scrolled to the very edge.
    window.scrollTo(0, document.documentElement.scrollHeight);
  }
  function mine(frame) {
    return Boolean(frame.author) && String(frame.author.id) === root.dataset.userId;
  }
  // The same menu as the page's (message_menu.html), for messages others wrote.
  function menuFor(frame) {
    var menu = menuTemplate.content.firstElementChild.cloneNode(true);
    menu.querySelectorAll("form").forEach(function (form) {
      form.setAttribute("action", form.getAttribute("action").replace("/messages/0/", "/messages/" + frame.ref + "/"));
    });
    menu.querySelectorAll("input[name=student]").forEach(function (input) { input.value = frame.author.id; });
    return menu;
  }
  function render(frame, queued) {
    var id = queued ? "q-" + frame.client_id : "m" + frame.id;
    if (document.getElementById(id)) return;
    var empty = list.querySelector(".empty");
    if (empty) empty.remove();
    var stick = nearBottom();
    var item = template.content.firstElementChild.cloneNode(true);
    item.id = id;
    item.classList.add("kind-" + (frame.kind || "chat"));
    if (queued) item.classList.add("queued");
    if (queued || mine(frame)) item.classList.add("mine");
    var author = queued ? root.dataset.userName : frame.author ? frame.author.name : "Harbor";
    item.querySelector(".author bdi").textContent = author;
    var time = item.querySelector("time");
    // The server's wording of the time ("time"), as on the page: never the phone's.
    time.textContent = queued ? strings.queued : frame.time || "";
    if (!queued) time.setAttribute("datetime", frame.sent_at);
    var text = item.querySelector(".text");
    text.textContent = frame.text;
    if (frame.link) {
      var link = document.createElement("a");
      link.href = frame.link;
      link.textContent = strings.open;
      text.append(" ", link);
    }
    if (!queued && frame.author && !mine(frame) && menuTemplate) item.appendChild(menuFor(frame));
    if (!queued) item.dataset.id = frame.id;
    placeInOrder(item);
    if (stick) showNewest();
  }
  // Catching up (history) brings a missed message after a later one that came
  // live: each goes before the first later one. Waiting messages stay last.
  function placeInOrder(item) {
    var before = null;
    if (!item.classList.contains("queued")) {
      var id = Number(item.dataset.id);
      for (var other = list.lastElementChild; other; other = other.previousElementSibling) {
        if (!other.classList.contains("queued") && Number(other.dataset.id) < id) break;
        before = other;
      }
    }
    list.insertBefore(item, before);
  }

  function onMessage(frame) {
    if (frame.id > lastId + 1 && askedAfter !== lastId) {
      askedAfter = lastId;
      socket.send(JSON.stringify({type: "history", after: lastId}));
    }
    var queued = document.getElementById("q-" + frame.client_id);
    if (queued && mine(frame)) {
      queued.remove();
      savePending(pending().filter(function (p) { return p.client_id !== frame.client_id; }));
    }
    render(frame, false);
    if (frame.id === lastId + 1) lastId = frame.id;
  }
  function onDeleted(frame) {
    var item = document.getElementById("m" + frame.id);
    if (item) {
      item.classList.add("deleted");
      item.querySelector(".text").textContent = strings.removed;
    }
    if (frame.id === lastId + 1) lastId = frame.id;
  }
  function onFrame(event) {
    var frame;
    try { frame = JSON.parse(event.data); } catch (e) { return; }
    if (frame.type === "message") onMessage(frame);
    else if (frame.type === "deleted") onDeleted(frame);
    else if (frame.type === "history.done") lastId = Math.max(lastId, frame.last_id);
    else if (frame.type === "error") say(frame.detail);
  }

  function flush() {
    if (!socket || socket.readyState !== WebSocket.OPEN) return;
    pending().forEach(function (item) {
      socket.send(JSON.stringify({type: "send", text: item.text, client_id: item.client_id}));
    });
  }
  function connect() {
    if (stopped) return;
    say(navigator.onLine === false ? strings.offline : strings.connecting);
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    askedAfter = -1;
    socket = new WebSocket(scheme + location.host + root.dataset.wsPath + "?after=" + lastId);
    socket.onopen = function () { retries = 0; say(""); flush(); };
    socket.onmessage = onFrame;
    socket.onclose = function (event) {
      if (event.code === 4403) { stopped = true; say(strings.gone); return; }
      say(strings.offline);
      // Back off 1, 2, 4 … 30 seconds, with jitter so a class does not reconnect at once.
      var delay = Math.min(30000, 1000 * Math.pow(2, retries++)) * (0.5 + Math.random() / 2);
      setTimeout(connect, delay);
    };
  }

  if (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var box = form.querySelector("textarea");
      var text = box.value.trim();
      if (!text) return;
      var item = {text: text, client_id: newClientId()};
      savePending(pending().concat([item]));
      render({text: text, client_id: item.client_id, author: null}, true);
      box.value = "";
      flush();
    });
  }
  window.addEventListener("online", function () {
    if (socket && socket.readyState === WebSocket.CLOSED) { retries = 0; connect(); }
  });
  window.addEventListener("offline", function () { say(strings.offline); });
  pending().forEach(function (item) {
    render({text: item.text, client_id: item.client_id, author: null}, true);
  });
  // "Load older messages": the previous page, fetched as the server renders it
  // and put above, with the screen kept where it was (the link works without us).
  var older = document.getElementById("chat-older");
  var loadingOlder = false;
  function olderLoaded(html) {
    var page = new DOMParser().parseFromString(html, "text/html");
    var first = list.firstElementChild;
    var top = first ? first.getBoundingClientRect().top : 0;
    var items = document.createDocumentFragment();
    page.querySelectorAll("#chat-messages > .message").forEach(function (item) {
      if (document.getElementById(item.id)) return;
      // Its forms come back here, not to the page it was fetched from.
      item.querySelectorAll("input[name=next]").forEach(function (next) {
        next.value = location.pathname + location.search;
      });
      items.appendChild(document.importNode(item, true));
    });
    list.insertBefore(items, first);
    if (first) window.scrollBy(0, first.getBoundingClientRect().top - top);
    var next = page.getElementById("chat-older");
    if (next) older.href = next.getAttribute("href");
    else older.parentNode.remove();
  }
  if (older) {
    older.addEventListener("click", function (event) {
      event.preventDefault();
      if (loadingOlder) return;
      loadingOlder = true;
      fetch(older.href, {credentials: "same-origin"})
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.text();
        })
        .then(olderLoaded)
        .catch(function () { say(navigator.onLine === false ? strings.offline : strings.failed); })
        .then(function () { loadingOlder = false; });
    });
  }
  var newer = document.getElementById("chat-newer");
  if (newer) newer.hidden = true;
  if (!location.hash || location.hash === "#latest") showNewest();
  connect();
})();
