/* showcase: elder-friendly mode (长辈模式). The page works without this
   script; it only shows the switch and remembers the reader's choice.

   It is loaded with async, so it never holds up the page: when it comes
   from the cache it usually runs before the first paint, and a reader who
   chose the mode sees the page large straight away. It runs in WeChat's
   and other in-app browsers: plain ES5, nothing newer. */
(function () {
  'use strict';
  var KEY = 'showcase-elder';
  var root = document.documentElement;
  var buttons = [];

  function load() {
    try { return window.localStorage.getItem(KEY) === '1'; } catch (e) { return false; }
  }
  function save(on) {
    try {
      if (on) { window.localStorage.setItem(KEY, '1'); } else { window.localStorage.removeItem(KEY); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }
  function apply(on) {
    if (on) { root.classList.add('elder'); } else { root.classList.remove('elder'); }
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute('aria-pressed', on ? 'true' : 'false');
    }
  }

  // A table wider than the screen scrolls sideways inside its own box:
  // let the keyboard reach that box too, so that it can be scrolled with
  // the arrow keys.
  function scrollable() {
    var boxes = document.querySelectorAll('.table-wrap, .prose table');
    for (var i = 0; i < boxes.length; i++) {
      var b = boxes[i], wide = b.scrollWidth > b.clientWidth + 1;
      if (wide && !b.hasAttribute('tabindex')) {
        b.setAttribute('tabindex', '0');
        b.setAttribute('data-scroll', '');
        if (b.tagName === 'DIV') {
          var cap = b.querySelector('caption');
          b.setAttribute('role', 'region');
          b.setAttribute('aria-label', cap ? cap.textContent : document.title);
        }
      } else if (!wide && b.hasAttribute('data-scroll')) {
        b.removeAttribute('tabindex');
        b.removeAttribute('data-scroll');
        b.removeAttribute('role');
        b.removeAttribute('aria-label');
      }
    }
  }

  function init() {
    buttons = document.querySelectorAll('.elder-toggle');
    apply(root.classList.contains('elder'));
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].hidden = false;
      buttons[i].addEventListener('click', function () {
        var on = !root.classList.contains('elder');
        apply(on);
        save(on);
        scrollable();
      });
    }
    // Measure the tables after the first paint: measuring them before
    // would make the browser lay the page out early, inside this script.
    if (window.requestAnimationFrame) {
      window.requestAnimationFrame(function () { setTimeout(scrollable, 0); });
    } else {
      setTimeout(scrollable, 0);
    }
    var resized = 0;
    window.addEventListener('resize', function () {
      clearTimeout(resized);
      resized = setTimeout(scrollable, 200);
    });
  }

  // The mode first, before the page is drawn if the script is that early;
  // the switch once the page is there.
  apply(load());
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
  window.addEventListener('storage', function (e) {
    if (e.key === KEY) {
      apply(e.newValue === '1');
      scrollable();
    }
  });
})();
