// Makes photos small on the phone (JPEG, longest side 1600 px: all the server
// keeps) and sends them with a progress bar. See docs/handing-in.md.
(function () {
  "use strict";
  var words = document.getElementById("photo-strings");
  if (!words || !window.createImageBitmap) return;
  var say = JSON.parse(words.textContent);

  // A smaller JPEG, else the file itself (HEIC on Chromium, any failure).
  function shrink(file) {
    return createImageBitmap(file, { imageOrientation: "from-image" }).then(function (image) {
      var scale = Math.min(1, 1600 / Math.max(image.width, image.height));
      var canvas = document.createElement("canvas");
      var pen = canvas.getContext("2d");
      var width = canvas.width = Math.round(image.width * scale);
      var height = canvas.height = Math.round(image.height * scale);
      pen.fillStyle = "#fff";  // under a transparent PNG: paper, not black
      pen.fillRect(0, 0, width, height);
      pen.imageSmoothingQuality = "high";
      pen.drawImage(image, 0, 0, width, height);
      image.close();
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          canvas.width = 0;  // frees the pixels now: cheap phones run short
          resolve(blob && blob.size < file.size ? blob : file);
        }, "image/jpeg", 0.8);
      });
    }).catch(function () { return file; });
  }

  function show(form, sending, text) {
    var bar = form.querySelector("progress");
    bar.hidden = !sending;
    bar.removeAttribute("value");  // no amount yet: a moving bar
    form.querySelectorAll("button").forEach(function (button) { button.disabled = sending; });
    document.getElementById("photo-status").textContent = text;
  }

  // The answer replaces the page, as after a plain post: loading it again
  // would cost data and lose the one-time "Submitted" message.
  function answered(form, xhr, target) {
    var main = xhr.response && xhr.response.querySelector("main");
    if (xhr.status === 200 && xhr.responseURL !== target) return location.assign(xhr.responseURL);
    if (!main || xhr.status >= 500) return show(form, false, say.failed);
    document.title = xhr.response.title;
    document.querySelector("main").replaceWith(document.adoptNode(main));
    scrollTo(0, 0);
  }

  function send(form, photos, submitter) {
    var body = new FormData(form);
    var xhr = new XMLHttpRequest();
    // Not form.action: the button named "action" shadows it.
    var target = new URL(form.getAttribute("action"), location.href).href;
    body.delete("photos");
    photos.forEach(function (photo) { body.append("photos", photo[0], photo[1]); });
    if (submitter && submitter.name) body.set(submitter.name, submitter.value);
    xhr.open("POST", target);
    xhr.responseType = "document";
    xhr.upload.onprogress = function (event) {
      if (event.lengthComputable) form.querySelector("progress").value = event.loaded / event.total;
    };
    xhr.onload = function () { answered(form, xhr, target); };
    xhr.onerror = function () { show(form, false, say.failed); };
    show(form, true, say.sending);
    xhr.send(body);
  }

  // On the document, so that the form on the page that comes back works too.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var photos = [];
    var files = [];
    form.querySelectorAll("[name=photos]").forEach(function (input) {
      files.push.apply(files, input.files);
    });
    if (!files.length) return;  // the plain post says what is missing
    event.preventDefault();
    show(form, true, say.shrinking);
    // One at a time: a decoded 12-megapixel photo takes 48 MB.
    files.reduce(function (done, file) {
      return done.then(function () { return shrink(file); }).then(function (photo) {
        photos.push([photo, file.name]);  // the name the student knows, in any message
      });
    }, Promise.resolve()).then(function () {
      send(form, photos, event.submitter);
    }, function () { form.submit(); });
  });
})();
