// Clock time (docs/records.md, "Clock time"): counts the seconds this page is
// visible and the student has touched, scrolled or typed within the idle
// timeout, and sends them with navigator.sendBeacon every `data-every`
// seconds and when the page is hidden or left. No framework: old phones.
(function () {
    "use strict";
    var tag = document.getElementById("clock-time");
    if (!tag || !navigator.sendBeacon || !window.FormData) {
        return;
    }
    var every = parseInt(tag.getAttribute("data-every"), 10) || 60;
    var idle = (parseInt(tag.getAttribute("data-idle"), 10) || 300) * 1000;
    var lastActivity = Date.now();
    var lastTick = Date.now();
    var active = 0; // milliseconds measured and not yet sent
    // Kept here, not read when ticking: the tick on "hidden" still counts the
    // time up to that moment.
    var visible = document.visibilityState === "visible";

    // Only time while visible and within the idle timeout of the last activity.
    function tick() {
        var now = Date.now();
        var until = Math.min(now, lastActivity + idle);
        if (visible && until > lastTick) {
            active += until - lastTick;
        }
        lastTick = now;
    }

    function send() {
        tick();
        // The server counts at most one idle timeout per beacon: never claim more.
        var seconds = Math.min(Math.floor(active / 1000), idle / 1000);
        if (seconds < 1) {
            return;
        }
        var data = new FormData();
        var token = document.querySelector("#clock-time-csrf input");
        data.append("csrfmiddlewaretoken", token ? token.value : "");
        data.append("packet", tag.getAttribute("data-packet"));
        data.append("kind", tag.getAttribute("data-kind"));
        data.append("seconds", String(seconds));
        if (navigator.sendBeacon(tag.getAttribute("data-url"), data)) {
            active = Math.max(0, active - seconds * 1000) % 1000;
        }
    }

    function activity() {
        tick();
        lastActivity = Date.now();
    }

    ["pointerdown", "keydown", "scroll", "touchstart", "click"].forEach(function (name) {
        window.addEventListener(name, activity, { passive: true, capture: true });
    });
    document.addEventListener("visibilitychange", function () {
        if (document.visibilityState === "hidden") {
            send();
            visible = false;
        } else {
            visible = true;
            lastTick = Date.now();
            lastActivity = Date.now();
        }
    });
    window.addEventListener("pagehide", send);
    window.setInterval(send, every * 1000);
}());
