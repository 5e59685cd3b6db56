// Tap a word to hear it (templates/blocks/vocabulary_list.html, docs/voice.md):
// a word marked data-say plays its own player, the first in its row, from the
// start. The players stay beside the words for keyboards, screen readers and
// phones without JavaScript.
(function () {
  "use strict";
  document.querySelectorAll(".word dt[data-say]").forEach(function (term) {
    var voice = term.parentElement.querySelector("dd audio");
    if (!voice) return;
    term.addEventListener("click", function () {
      voice.currentTime = 0;
      voice.play().catch(function () {});
    });
  });
})();
