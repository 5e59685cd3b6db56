// Records a spoken answer or comment with the microphone (MediaRecorder), plays it
// back before it is sent, and puts it into the form's file input so the ordinary
// form sends it. Where a file input cannot be filled (no DataTransfer), the form is
// sent with fetch instead. Without MediaRecorder nothing here runs and the file
// input ("choose a recording") does the job on its own.
//
// Markup: any element with `data-recorder` (and `data-max-seconds`) holding a file
// input; its controls are the `[data-recorder-controls]` inside it if the page has
// them (hidden until this script shows them), else they are made here. The page's
// words come from the JSON in #recorder-strings.
(function () {
  "use strict";
  var stringsNode = document.getElementById("recorder-strings");
  if (!stringsNode || !window.MediaRecorder || !navigator.mediaDevices ||
      !navigator.mediaDevices.getUserMedia) return;
  var strings = JSON.parse(stringsNode.textContent);
  var TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4"];
  var EXTENSIONS = { "audio/webm": ".webm", "audio/ogg": ".ogg", "audio/mp4": ".m4a" };
  var canFillInput = (function () {
    try { return Boolean(new DataTransfer().items); } catch (error) { return false; }
  })();

  function clock(seconds) {
    var whole = Math.floor(seconds);
    var rest = whole % 60;
    return Math.floor(whole / 60) + ":" + (rest < 10 ? "0" : "") + rest;
  }

  function supportedType() {
    if (!MediaRecorder.isTypeSupported) return "";
    for (var i = 0; i < TYPES.length; i += 1) {
      if (MediaRecorder.isTypeSupported(TYPES[i])) return TYPES[i];
    }
    return "";
  }

  function element(tag, attributes, text) {
    var made = document.createElement(tag);
    Object.keys(attributes).forEach(function (name) { made.setAttribute(name, attributes[name]); });
    if (text) made.textContent = text;
    return made;
  }

  function makeControls(box) {
    var controls = element("div", { "class": "recorder", "data-recorder-controls": "" });
    controls.appendChild(element("button", { type: "button", "data-record-start": "" }, strings.record));
    controls.appendChild(element("button", { type: "button", "data-record-stop": "", disabled: "" }, strings.stop));
    controls.appendChild(element("p", { "class": "hint", role: "status", "aria-live": "polite" }));
    controls.appendChild(element("audio", { controls: "", hidden: "" }));
    box.insertBefore(controls, box.firstChild);
    return controls;
  }

  function setUp(box) {
    var input = box.querySelector('input[type="file"]');
    if (!input || !input.form) return;
    var form = input.form;
    // Not form.action: a control named "action" would shadow it.
    var target = form.getAttribute("action") || window.location.pathname;
    var controls = box.querySelector("[data-recorder-controls]") || makeControls(box);
    var start = controls.querySelector("[data-record-start]");
    var stop = controls.querySelector("[data-record-stop]");
    var status = controls.querySelector("[role=status]");
    var playback = controls.querySelector("audio");
    // Stop a second early: the server refuses anything over the limit.
    var maxSeconds = (Number(box.getAttribute("data-max-seconds")) || 300) - 1;
    var recorder = null;
    var chunks = [];
    var started = 0;
    var ticker = null;
    var recording = null;  // { blob, name }
    var playbackUrl = null;

    function say(text) { status.textContent = text; }

    function release(stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
    }

    function begin(stream) {
      var type = supportedType();
      try {
        recorder = type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
      } catch (error) {
        release(stream);
        say(strings.failed);
        return;
      }
      chunks = [];
      recorder.addEventListener("dataavailable", function (event) {
        if (event.data && event.data.size) chunks.push(event.data);
      });
      recorder.addEventListener("stop", function () { release(stream); finish(); });
      recorder.start(1000);
      started = Date.now();
      start.disabled = true;
      stop.disabled = false;
      tick();
      ticker = setInterval(tick, 1000);
    }

    function tick() {
      var seconds = (Date.now() - started) / 1000;
      say(strings.recording.replace("%(time)s", clock(seconds)));
      if (seconds >= maxSeconds) end();
    }

    function end() {
      clearInterval(ticker);
      stop.disabled = true;
      if (recorder && recorder.state !== "inactive") recorder.stop();
    }

    function finish() {
      var type = (recorder.mimeType || (chunks[0] && chunks[0].type) || "audio/webm").split(";")[0];
      var blob = new Blob(chunks, { type: type });
      recording = { blob: blob, name: "recording" + (EXTENSIONS[type] || ".webm") };
      if (playbackUrl) URL.revokeObjectURL(playbackUrl);
      playbackUrl = URL.createObjectURL(blob);
      playback.src = playbackUrl;
      playback.hidden = false;
      start.disabled = false;
      start.textContent = strings.again;
      if (canFillInput) {
        var transfer = new DataTransfer();
        transfer.items.add(new File([blob], recording.name, { type: type }));
        input.files = transfer.files;
      }
      say(strings.recorded);
    }

    function sendWithFetch(event) {
      if (canFillInput || !recording || input.files.length) return;
      event.preventDefault();
      var body = new FormData(form);
      body.set(input.name, recording.blob, recording.name);
      if (event.submitter && event.submitter.name) {
        body.set(event.submitter.name, event.submitter.value);
      }
      say(strings.sending);
      fetch(target, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
        .then(function (response) {
          // Sent: the server redirects, and the page it names shows the result.
          if (response.type === "opaqueredirect") { window.location.assign(target); return; }
          return response.text().then(function (html) {
            var page = new DOMParser().parseFromString(html, "text/html");
            var errors = page.querySelector(".errors, .errorlist");
            say(errors ? errors.textContent.trim() : strings.failed);
          });
        })
        .catch(function () { say(strings.failed); });
    }

    controls.hidden = false;
    start.addEventListener("click", function () {
      navigator.mediaDevices.getUserMedia({ audio: true }).then(begin, function (error) {
        say(error && error.name === "NotAllowedError" ? strings.denied : strings.failed);
      });
    });
    stop.addEventListener("click", end);
    form.addEventListener("submit", sendWithFetch);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-recorder]"), setUp);
})();
