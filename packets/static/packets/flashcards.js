// Flashcards: tap anywhere on the card to reveal the answer; keys 1-4 grade
// (Again, Hard, Good, Easy) and Space reveals. Without this script the card
// still works: <details> reveals and the grade buttons post a plain form.
// Offline, a grade is kept on the phone (sent later by harbor/offline.js with
// the time it was given) and the next card comes from the words the page holds.
(function () {
  "use strict";
  var GRADES = "harbor-flashcard-grades";
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

  var form = card.querySelector(".flashcard-grades");
  var deckNode = document.getElementById("flashcard-deck");
  if (!form || !deckNode) return;
  var deck = JSON.parse(deckNode.textContent);

  form.addEventListener("submit", function (event) {
    if (navigator.onLine) return;
    event.preventDefault();
    var grade = event.submitter ? event.submitter.value : "good";
    if (!keep(grade)) return;
    document.getElementById("flashcard-offline").hidden = false;
    showNext();
  });

  // Not form.elements.item: that is the collection's own item() method.
  function field(name) { return form.elements.namedItem(name); }

  function keep(grade) {
    var queue;
    try { queue = JSON.parse(localStorage.getItem(GRADES)) || []; } catch (e) { queue = []; }
    queue.push({
      url: new URL(form.action, location.href).pathname,
      packet: field("packet").value,
      item: field("item").value,
      grade: grade,
      at: Date.now()
    });
    try { localStorage.setItem(GRADES, JSON.stringify(queue)); return true; } catch (e) { return false; }
  }

  function setText(selector, value) {
    var node = card.querySelector(selector);
    if (!node) return;
    node.textContent = value || "";
    node.hidden = !value;
  }

  function showNext() {
    var next = deck.shift();
    if (!next) {
      card.hidden = true;
      document.getElementById("flashcard-offline-done").hidden = false;
      return;
    }
    card.querySelectorAll(".flashcard-picture, audio, .flashcard-translation").forEach(function (node) {
      node.remove();
    });
    setText(".flashcard-term", next.term);
    setText(".flashcard-meaning", next.meaning);
    setText(".flashcard-example", next.example);
    var before = form;
    next.translations.forEach(function (pair) {
      var line = document.createElement("p");
      line.className = "flashcard-translation";
      line.lang = pair[0];
      line.dir = "auto";
      line.textContent = pair[1];
      before.parentNode.insertBefore(line, before);
    });
    field("packet").value = next.packet;
    field("item").value = next.item;
    back.open = false;
    back.querySelector("summary").focus({ preventScroll: true });
  }
})();
