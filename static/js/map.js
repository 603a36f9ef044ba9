// The statistics map by keyboard. The page already makes the map one tab stop (its first
// municipality; the others have tabindex="-1") so Tab passes it at once, and the table after it
// has every link. This adds the arrow keys inside the map: each moves to the nearest
// municipality in that direction, and the municipality last reached is the map's tab stop.
// Enter follows the link as any link does.
(function () {
  "use strict";

  var DIRECTIONS = {
    ArrowRight: [1, 0],
    ArrowLeft: [-1, 0],
    ArrowUp: [0, -1],
    ArrowDown: [0, 1],
  };

  function centre(link) {
    var box = link.getBBox();
    return [box.x + box.width / 2, box.y + box.height / 2];
  }

  // The nearest centre in the direction, counting a step sideways twice a step forwards so
  // that the move follows the arrow rather than jumping to a close neighbour beside it.
  function nearest(centres, from, direction) {
    var best = -1;
    var bestScore = Infinity;
    for (var i = 0; i < centres.length; i += 1) {
      var dx = centres[i][0] - centres[from][0];
      var dy = centres[i][1] - centres[from][1];
      var ahead = dx * direction[0] + dy * direction[1];
      if (i === from || ahead <= 0) continue;
      var score = ahead + 2 * Math.abs(dx * direction[1] - dy * direction[0]);
      if (score < bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }

  function enhance(map) {
    var links = Array.prototype.slice.call(map.querySelectorAll("a[href]"));
    if (!links.length) return;
    var centres = null; // measured on the first key press, once the map is laid out

    function moveTo(index) {
      links.forEach(function (link, i) {
        link.setAttribute("tabindex", i === index ? "0" : "-1");
      });
      links[index].focus();
    }

    // Sighted keyboard users see the focused municipality's name and figure beside the map
    // (screen readers hear it from the link, so this line is hidden from them).
    var shown = map.parentNode.querySelector(".map-focused");
    // Listened for on the map's HTML parent: Chrome makes an SVG element with a focus listener
    // a tab stop of its own.
    map.parentNode.addEventListener("focusin", function (event) {
      var index = links.indexOf(event.target.closest("a"));
      if (index < 0) return;
      if (links[index].getAttribute("tabindex") !== "0") {
        links.forEach(function (link, i) {
          link.setAttribute("tabindex", i === index ? "0" : "-1");
        });
      }
      if (shown) shown.textContent = links[index].getAttribute("aria-label");
    });

    map.parentNode.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      var from = links.indexOf(event.target.closest("a"));
      if (from < 0) return;
      var direction = DIRECTIONS[event.key];
      if (!direction) return;
      centres = centres || links.map(centre);
      var to = nearest(centres, from, direction);
      if (to < 0) to = from; // the edge of the map: stay
      event.preventDefault(); // the arrows move on the map, not the page
      moveTo(to);
    });

    var hint = map.parentNode.querySelector(".map-keys");
    if (hint) hint.hidden = false;
    if (shown) {
      shown.setAttribute("aria-hidden", "true");
      shown.hidden = false;
    }
  }

  Array.prototype.forEach.call(document.querySelectorAll("svg.map"), enhance);
})();
