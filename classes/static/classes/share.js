// The Share control (templates/classes/_share.html): where the browser has the
// phone's own share sheet (the Web Share API), show the "Share…" button that
// opens it. The plain WhatsApp, SMS and Telegram links beside it work anywhere.
(function () {
  "use strict";
  if (typeof navigator.share !== "function") return;
  document.querySelectorAll("button[data-share]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      // Closing the share sheet rejects the promise: nothing to report.
      navigator.share({ text: button.dataset.text, url: button.dataset.url }).catch(function () {});
    });
  });
})();
