/* showcase: elder-friendly mode (长辈模式). The page works without this
   script; it only shows the toggle and remembers the reader's choice. */
(function () {
  'use strict';
  var KEY = 'showcase-elder';
  var root = document.documentElement;
  var buttons = document.querySelectorAll('.elder-toggle');

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

  apply(load());
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].hidden = false;
    buttons[i].addEventListener('click', function () {
      var on = !root.classList.contains('elder');
      apply(on);
      save(on);
    });
  }
  window.addEventListener('storage', function (e) {
    if (e.key === KEY) { apply(e.newValue === '1'); }
  });
})();
