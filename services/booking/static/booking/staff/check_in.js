// 核验入场: keeps the token field ready for the next scan, and offers the camera
// where the browser can read QR codes itself (BarcodeDetector). Without it the page
// works as a plain form: a handheld scanner types the token and presses Enter.
// Its words come from the template (data-text-*), translated there.
(function () {
  "use strict";

  var form = document.querySelector("[data-bk-check-in]");
  if (!form) {
    return;
  }
  var input = form.querySelector("input[name=token]");
  var submit = form.querySelector("[data-bk-submit]");
  var cameraButton = form.querySelector("[data-bk-camera]");
  var panel = form.querySelector("[data-bk-camera-panel]");
  var video = form.querySelector("[data-bk-video]");
  var status = form.querySelector("[data-bk-camera-status]");
  var stopButton = form.querySelector("[data-bk-camera-stop]");
  var stream = null;
  var scanning = false;

  // One ticket, one request: a scanner that sends Enter twice must not check in twice.
  form.addEventListener("submit", function (event) {
    if (!input.value.trim()) {
      event.preventDefault();
      input.focus();
      return;
    }
    if (form.dataset.bkSent) {
      event.preventDefault();
      return;
    }
    form.dataset.bkSent = "1";
    submit.disabled = true;
  });

  if (
    !("BarcodeDetector" in window) ||
    !navigator.mediaDevices ||
    !navigator.mediaDevices.getUserMedia
  ) {
    return;
  }

  function stop() {
    scanning = false;
    if (stream) {
      stream.getTracks().forEach(function (track) {
        track.stop();
      });
      stream = null;
    }
    video.srcObject = null;
    panel.hidden = true;
    cameraButton.hidden = false;
  }

  function scan(detector) {
    if (!scanning) {
      return;
    }
    detector
      .detect(video)
      .then(function (codes) {
        var code = codes.length ? codes[0].rawValue : "";
        if (code && scanning) {
          stop();
          input.value = code;
          if (form.requestSubmit) {
            form.requestSubmit();
          } else {
            form.submit();
          }
          return;
        }
        window.setTimeout(function () {
          scan(detector);
        }, 200);
      })
      .catch(function () {
        window.setTimeout(function () {
          scan(detector);
        }, 500);
      });
  }

  function start() {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    status.textContent = panel.dataset.textOpening;
    panel.hidden = false;
    cameraButton.hidden = true;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (media) {
        stream = media;
        video.srcObject = media;
        return video.play();
      })
      .then(function () {
        status.textContent = panel.dataset.textAim;
        scanning = true;
        scan(detector);
      })
      .catch(function () {
        stop();
        cameraButton.hidden = true;
        status.textContent = "";
        var note = document.createElement("p");
        note.className = "error-message";
        note.textContent = panel.dataset.textFailed;
        panel.parentNode.insertBefore(note, panel);
      });
  }

  window.BarcodeDetector.getSupportedFormats()
    .then(function (formats) {
      if (formats.indexOf("qr_code") !== -1) {
        cameraButton.hidden = false;
      }
    })
    .catch(function () {});

  cameraButton.addEventListener("click", start);
  stopButton.addEventListener("click", function () {
    stop();
    input.focus();
  });
  window.addEventListener("pagehide", stop);
})();
