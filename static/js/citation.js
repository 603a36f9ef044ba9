// A "Copy" button beside each formatted reference (publication pages). Without JavaScript the
// buttons stay hidden and the reference is selected whole with one click (site.css).
(function () {
  "use strict";
  if (!navigator.clipboard) {
    return;
  }
  document.querySelectorAll("button.copy-citation").forEach(function (button) {
    var label = button.firstChild.nodeValue;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copy).then(function () {
        button.firstChild.nodeValue = button.dataset.copied;
        window.setTimeout(function () { button.firstChild.nodeValue = label; }, 2000);
      });
    });
  });
})();
