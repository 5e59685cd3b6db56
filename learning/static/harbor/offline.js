// Offline reading (docs/offline.md): registers the service worker, says when the
// phone is offline, saves a packet with everything it links to, lists what is
// saved, and sends flashcard grades given offline once the phone is online.
(function () {
  "use strict";
  var SAVED = "harbor-saved:";
  var META = "/offline/?saved=";
  var GRADES = "harbor-flashcard-grades";
  var strings = readStrings();
  var canSave = "serviceWorker" in navigator && "caches" in window;

  function readStrings() {
    var node = document.getElementById("offline-strings");
    try { return JSON.parse(node.textContent); } catch (e) { return {}; }
  }
  function text(node, value) { if (node) node.textContent = value; }
  function sizeText(bytes) {
    return bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " KB";
  }

  if (canSave) {
    navigator.serviceWorker.register("/sw.js").catch(function () {});
  }

  function showOffline() {
    var banner = document.getElementById("offline-banner");
    if (banner) banner.hidden = navigator.onLine;
  }
  window.addEventListener("online", function () { showOffline(); sendGrades(); });
  window.addEventListener("offline", showOffline);
  showOffline();

  // Every file a packet page needs: its pictures, audio, worksheets and the
  // pages it links to for saving (assignments, flashcards).
  function filesOf(doc, base) {
    var urls = [];
    function add(value) {
      if (!value) return;
      var url = new URL(value, base);
      if (url.origin === location.origin) urls.push(url.pathname + url.search);
    }
    doc.querySelectorAll("main img").forEach(function (img) {
      add(img.getAttribute("src"));
      (img.getAttribute("srcset") || "").split(",").forEach(function (part) { add(part.trim().split(" ")[0]); });
    });
    doc.querySelectorAll("main audio[src], main audio source[src], main video source[src]").forEach(function (node) {
      add(node.getAttribute("src"));
    });
    doc.querySelectorAll('main a[href^="/documents/"]').forEach(function (a) { add(a.getAttribute("href")); });
    return urls;
  }
  function pagesOf(doc, base) {
    return Array.prototype.map.call(doc.querySelectorAll("main [data-offline-page]"), function (a) {
      return new URL(a.getAttribute("href"), base).pathname;
    });
  }

  function store(cache, url) {
    return fetch(url, {credentials: "same-origin"}).then(function (response) {
      if (!response.ok) throw new Error(url);
      return response.clone().blob().then(function (blob) {
        return cache.put(url, response).then(function () { return blob; });
      });
    });
  }

  function savePacket(button) {
    var status = document.getElementById("offline-status");
    var path = location.pathname;
    var bytes = 0;
    var done = 0;
    var files = filesOf(document, location.href);
    button.disabled = true;
    text(status, strings.saving);
    return caches.open(SAVED + path).then(function (cache) {
      function keep(url) {
        return store(cache, url).then(function (blob) {
          bytes += blob.size;
          done += 1;
          text(status, strings.saving + " " + done);
          return blob;
        });
      }
      var pages = [path].concat(pagesOf(document, location.href)).map(function (url) {
        return keep(url).then(function (blob) {
          if (url === path) return;
          return blob.text().then(function (html) {
            var doc = new DOMParser().parseFromString(html, "text/html");
            files = files.concat(filesOf(doc, location.origin + url));
          });
        });
      });
      return Promise.all(pages).then(function () {
        var unique = files.filter(function (url, i) { return files.indexOf(url) === i; });
        return Promise.all(unique.map(keep));
      }).then(function () {
        var meta = {title: button.dataset.title, url: path, bytes: bytes, saved: Date.now()};
        return cache.put(META + encodeURIComponent(path), new Response(JSON.stringify(meta), {
          headers: {"Content-Type": "application/json"}
        }));
      });
    }).then(function () {
      text(status, strings.saved + " (" + sizeText(bytes) + ")");
    }).catch(function () {
      caches.delete(SAVED + path);
      text(status, strings.failed);
    }).then(function () { button.disabled = false; });
  }

  function savedPackets() {
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(SAVED) === 0; }).map(function (name) {
        var path = name.slice(SAVED.length);
        return caches.open(name).then(function (cache) {
          return cache.match(META + encodeURIComponent(path));
        }).then(function (response) {
          return response ? response.json() : null;
        });
      }));
    }).then(function (metas) { return metas.filter(Boolean); });
  }

  function listSaved(list) {
    savedPackets().then(function (packets) {
      list.textContent = "";
      text(document.getElementById("offline-none"), packets.length ? "" : strings.none);
      packets.forEach(function (packet) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = packet.url;
        link.lang = "en";
        link.dir = "ltr";
        link.textContent = packet.title;
        var size = document.createElement("span");
        size.className = "hint";
        size.textContent = " · " + sizeText(packet.bytes) + " ";
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "link";
        remove.textContent = strings.remove;
        remove.addEventListener("click", function () {
          caches.delete(SAVED + packet.url).then(function () { listSaved(list); });
        });
        item.append(link, size, remove);
        list.appendChild(item);
      });
    });
  }

  // Flashcard grades given offline (queued by packets/flashcards.js), sent in
  // the order they were given, each with the time it was given.
  function sendGrades() {
    var queue;
    try { queue = JSON.parse(localStorage.getItem(GRADES)) || []; } catch (e) { queue = []; }
    var token = (document.cookie.match(/(?:^|; )csrftoken=([^;]+)/) || [])[1];
    if (!queue.length || !navigator.onLine || !token) return;
    var grade = queue[0];
    var body = new URLSearchParams({packet: grade.packet, item: grade.item, grade: grade.grade, given_at: grade.at});
    fetch(grade.url, {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: {"X-CSRFToken": token}
    }).then(function (response) {
      if (response.type !== "opaqueredirect" && !response.ok) return;
      try { localStorage.setItem(GRADES, JSON.stringify(queue.slice(1))); } catch (e) { return; }
      sendGrades();
    }).catch(function () {});
  }
  sendGrades();

  if (!canSave) return;
  var button = document.querySelector("[data-save-offline]");
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () { savePacket(button); });
    savedPackets().then(function (packets) {
      packets.forEach(function (packet) {
        if (packet.url !== location.pathname) return;
        text(document.getElementById("offline-status"), strings.saved + " (" + sizeText(packet.bytes) + ")");
      });
    });
  }
  var list = document.getElementById("offline-list");
  if (list) {
    // Served in place of a page that was not saved: say so.
    var away = document.getElementById("offline-away");
    // (Home is never kept: offline, this page stands in for it without the note.)
    if (away) away.hidden = location.pathname === list.dataset.page || location.pathname === "/";
    listSaved(list);
  }
})();
