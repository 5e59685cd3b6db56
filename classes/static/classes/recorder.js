// Records a spoken answer with the phone's microphone (MediaRecorder), plays it
// back before it is sent, and puts it into the form's file input so the ordinary
// form sends it. Where a file input cannot be filled (DataTransfer missing), the
// form is sent with fetch instead. Without MediaRecorder nothing here runs and the
// file input ("choose a recording") does the job on its own.
(function () {
  "use strict";
  var box = document.getElementById("recorder");
  var input = document.getElementById("id_recording");
  var form = document.getElementById("submission-form");
  var stringsNode = document.getElementById("recorder-strings");
  if (!box || !input || !form || !stringsNode || !window.MediaRecorder ||
      !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
  var strings = JSON.parse(stringsNode.textContent);
  var start = document.getElementById("record-start");
  var stop = document.getElementById("record-stop");
  var status = document.getElementById("record-status");
  var playback = document.getElementById("record-playback");
  // Stop a second early: the server refuses anything over the limit.
  var maxSeconds = (Number(box.getAttribute("data-max-seconds")) || 300) - 1;
  var TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4"];
  var EXTENSIONS = { "audio/webm": ".webm", "audio/ogg": ".ogg", "audio/mp4": ".m4a" };
  var recorder = null;
  var chunks = [];
  var started = 0;
  var ticker = null;
  var recording = null;  // { blob, name }
  var playbackUrl = null;
  var canFillInput = (function () {
    try { return Boolean(new DataTransfer().items); } catch (error) { return false; }
  })();

  function say(text) { status.textContent = text; }

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
    body.set("recording", recording.blob, recording.name);
    body.set("action", "submit");
    say(strings.sending);
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", redirect: "manual" })
      .then(function (response) {
        // Handed in: the server redirects back to the page, which shows it.
        if (response.type === "opaqueredirect") { window.location.assign(form.action); return; }
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          var errors = page.getElementById("recording-errors") || page.getElementById("form-errors");
          say(errors ? errors.textContent.trim() : strings.failed);
        });
      })
      .catch(function () { say(strings.failed); });
  }

  box.hidden = false;
  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({ audio: true }).then(begin, function (error) {
      say(error && error.name === "NotAllowedError" ? strings.denied : strings.failed);
    });
  });
  stop.addEventListener("click", end);
  form.addEventListener("submit", sendWithFetch);
})();
