// Harbor's service worker (docs/offline.md). Rendered by learning/offline.py so
// that it names the current static files; a new release is a new worker.
//
// Pages of the packet tree are fetched from the network first and kept: a packet
// read once stays readable offline, and reading it online again replaces the
// kept copy with the newest revision. Pictures, audio and worksheets come from
// the copies kept for them. A packet saved with "Save for offline" lives in its
// own cache (harbor-saved:<path>), written by offline.js. Signing out clears all
// of it (Clear-Site-Data), because phones are shared.
"use strict";
var SHELL = "harbor-shell-{{ version }}";
var RECENT = "harbor-recent";
var FILES = "harbor-files";
var SAVED = "harbor-saved:";
var OFFLINE_PAGE = "{{ offline_page }}";
var SHELL_FILES = [OFFLINE_PAGE{% for url in shell_files %}, "{{ url }}"{% endfor %}];
var KEEP_PAGES = 40;
var KEEP_FILES = 300;
var NEVER = /^\/(admin|accounts|ws|sw\.js|healthz|i18n)(\/|$)/;
var FILE_PATHS = /^\/(media\/images|documents)\//;
// collectstatic's hashed names (base.5f2a9c0d1e3b.css) never change content.
var HASHED = /\.[0-9a-f]{12}\.\w+$/;

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(SHELL_FILES);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("harbor-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin || NEVER.test(url.pathname)) return;
  if (request.mode === "navigate") {
    event.respondWith(page(request));
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(HASHED.test(url.pathname) ? kept(request, SHELL) : fresh(request));
  } else if (FILE_PATHS.test(url.pathname) && !request.headers.has("range")) {
    event.respondWith(kept(request, FILES));
  }
});

function savedCaches() {
  return caches.keys().then(function (names) {
    return names.filter(function (name) { return name.indexOf(SAVED) === 0; });
  });
}

function fromSaved(request) {
  return savedCaches().then(function (names) {
    return names.reduce(function (found, name) {
      return found.then(function (response) {
        return response || caches.open(name).then(function (cache) { return cache.match(request, {ignoreVary: true}); });
      });
    }, Promise.resolve(undefined));
  });
}

// A page: the network's answer when there is one (kept if the site says it may
// be read offline), else the kept copy, else the offline page.
function page(request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.headers.get("Harbor-Offline") === "keep") {
      keepPage(request, response.clone());
    }
    return response;
  }).catch(function () {
    return fromSaved(request).then(function (response) {
      return response || caches.match(request, {cacheName: RECENT, ignoreVary: true});
    }).then(function (response) {
      return response || caches.match(OFFLINE_PAGE, {cacheName: SHELL, ignoreVary: true});
    });
  });
}

function keepPage(request, response) {
  var copies = [caches.open(RECENT).then(function (cache) {
    return cache.put(request, response.clone()).then(function () { return trim(cache, KEEP_PAGES); });
  })];
  // A saved packet read online again: its saved copy becomes this revision.
  copies.push(savedCaches().then(function (names) {
    return Promise.all(names.map(function (name) {
      return caches.open(name).then(function (cache) {
        return cache.match(request, {ignoreVary: true}).then(function (old) {
          return old && cache.put(request, response.clone());
        });
      });
    }));
  }));
  return Promise.all(copies).catch(function () { /* storage full: reading goes on */ });
}

// Pictures, audio, worksheets and static files: a kept copy first, else the
// network (and keep it).
function kept(request, cacheName) {
  return fromSaved(request).then(function (response) {
    return response || caches.match(request, {ignoreVary: true});
  }).then(function (response) {
    return response || fetch(request).then(function (fresh) {
      if (fresh.ok && fresh.status === 200) {
        var copy = fresh.clone();
        caches.open(cacheName).then(function (cache) {
          return cache.put(request, copy).then(function () {
            return cacheName === FILES && trim(cache, KEEP_FILES);
          });
        }).catch(function () {});
      }
      return fresh;
    });
  });
}

// A static file without a hash in its name (development, tests): the network's
// copy when there is one, so an edited file is seen at once; else the kept one.
function fresh(request) {
  return fetch(request).then(function (response) {
    if (response.ok && response.status === 200) {
      var copy = response.clone();
      caches.open(SHELL).then(function (cache) { return cache.put(request, copy); }).catch(function () {});
    }
    return response;
  }).catch(function () {
    return caches.match(request, {ignoreVary: true}).then(function (response) {
      return response || Response.error();
    });
  });
}

// The oldest kept entries go first when there are too many.
function trim(cache, limit) {
  return cache.keys().then(function (keys) {
    return Promise.all(keys.slice(0, Math.max(0, keys.length - limit)).map(function (key) {
      return cache.delete(key);
    }));
  });
}
