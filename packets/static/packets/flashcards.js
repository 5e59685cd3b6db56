// Flashcards: tap anywhere on the card to reveal the answer; keys 1-4 grade
// (Again, Hard, Good, Easy) and Space reveals. Without this script the card
// still works: <details> reveals and the grade buttons post a plain form.
(function () {
  "use strict";
  var card = document.querySelector("[data-flashcard]");
  if (!card) return;
  var back = card.querySelector("[data-flashcard-back]");
  if (!back) return;
  card.classList.add("flashcard-enhanced");

  card.addEventListener("click", function (event) {
    if (back.open || event.target.closest("a, button, audio, summary, form")) return;
    back.open = true;
  });

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.target.closest("input, textarea, select")) return;
    if (!back.open && (event.key === " " || event.key === "Enter")) {
      event.preventDefault();
      back.open = true;
      return;
    }
    var button = back.open && back.querySelector('button[data-key="' + event.key + '"]');
    if (button) button.click();
  });

  back.addEventListener("toggle", function () {
    if (!back.open) return;
    var good = back.querySelector("button.grade-good");
    if (good) good.focus({ preventScroll: true });
  });
})();
