/* showcase serve: live reload. Served only by the dev server, which adds
   it to every page it serves; it is never part of a built site. See the
   documentation of package serve for the events. */
(function () {
  'use strict';
  if (window.__showcaseLive) { return; }
  window.__showcaseLive = true;

  var me = document.currentScript;
  var serverID = (me && me.getAttribute('data-id')) || '';
  var gen = Number((me && me.getAttribute('data-gen')) || 0);
  var scrollKey = 'showcase-serve-scroll:' + location.pathname;

  // Put the page back where it was before the reload.
  try {
    var saved = sessionStorage.getItem(scrollKey);
    if (saved) {
      sessionStorage.removeItem(scrollKey);
      var pos = JSON.parse(saved);
      var restore = function () { window.scrollTo({ left: pos[0], top: pos[1], behavior: 'instant' }); };
      restore();
      window.addEventListener('load', restore);
    }
  } catch (e) { /* no sessionStorage: the browser's own restoring must do */ }

  function decode(p) {
    try { return decodeURIComponent(p); } catch (e) { return p; }
  }

  // here is this page's URL path as the server names pages: /cases/enping/.
  function here() {
    var p = decode(location.pathname);
    return /\/index\.html$/.test(p) ? p.slice(0, -'index.html'.length) : p;
  }

  function reload(why) {
    if (window.console) { console.info('showcase serve: reloading: ' + why); }
    try {
      sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
      // This script puts the page back; the browser's own restoring
      // could come later with an older position.
      history.scrollRestoration = 'manual';
    } catch (e) { /* see above */ }
    location.reload();
  }

  // swapCSS loads the changed stylesheets again; the old one goes when the
  // new one has loaded, so the page never shows unstyled.
  function swapCSS(urls) {
    var links = document.querySelectorAll('link[rel~="stylesheet"][href]');
    Array.prototype.forEach.call(links, function (link) {
      var u = new URL(link.href, location.href);
      if (u.origin !== location.origin || urls.indexOf(decode(u.pathname)) < 0) { return; }
      var next = link.cloneNode(false);
      u.searchParams.set('showcase-serve', String(Date.now()));
      next.href = u.href;
      var done = function () { if (link.parentNode) { link.parentNode.removeChild(link); } };
      next.addEventListener('load', done);
      next.addEventListener('error', done);
      link.parentNode.insertBefore(next, link.nextSibling);
    });
  }

  // The overlay lives in a shadow root, out of reach of the site's CSS.
  var overlay = null;
  function showProblems(list) {
    if (!list || !list.length) {
      if (overlay) { overlay.parentNode.removeChild(overlay); overlay = null; }
      return;
    }
    if (!overlay) {
      overlay = document.createElement('showcase-problems');
      overlay.attachShadow({ mode: 'open' });
      (document.body || document.documentElement).appendChild(overlay);
    }
    overlay.setAttribute('data-count', String(list.length));
    var root = overlay.shadowRoot;
    root.textContent = '';
    var style = document.createElement('style');
    style.textContent =
      ':host{all:initial}' +
      '.back{position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.72);overflow:auto;' +
      'font:14px/1.5 system-ui,sans-serif;color:#222}' +
      '.box{max-width:60rem;margin:4rem auto;background:#fff;border-top:6px solid #c0262d;' +
      'border-radius:6px;padding:1.25rem 1.5rem;box-shadow:0 10px 40px rgba(0,0,0,.4)}' +
      'h2{margin:0 0 .25rem;font-size:18px;color:#c0262d}' +
      'p{margin:0 0 1rem;color:#555}' +
      'pre{margin:0;padding:.75rem 1rem;background:#fbf1f1;border-radius:4px;white-space:pre-wrap;' +
      'word-break:break-word;font:13px/1.6 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;color:#222}' +
      'button{float:right;border:0;background:none;font-size:22px;line-height:1;cursor:pointer;color:#777}';
    var back = document.createElement('div');
    back.className = 'back';
    back.setAttribute('role', 'alert');
    var box = document.createElement('div');
    box.className = 'box';
    var close = document.createElement('button');
    close.type = 'button';
    close.title = '暂时隐藏 · Hide';
    close.textContent = '×';
    close.addEventListener('click', function () { back.style.display = 'none'; });
    var h = document.createElement('h2');
    h.textContent = '站点有问题，页面仍显示上一次成功的构建 · The site has problems';
    var p = document.createElement('p');
    p.textContent = '改正下列问题并保存，这个提示会自动消失。Fix them and save: this goes away by itself.';
    var pre = document.createElement('pre');
    pre.textContent = list.join('\n');
    box.appendChild(close);
    box.appendChild(h);
    box.appendChild(p);
    box.appendChild(pre);
    back.appendChild(box);
    root.appendChild(style);
    root.appendChild(back);
  }

  function onHello(m) {
    window.__showcaseConnected = true; // for tests: changes from now on arrive as events
    if (serverID && (m.id !== serverID || m.gen !== gen)) {
      // A newer build, or a new run of the server, came meanwhile.
      reload('page from build ' + gen + ' of ' + serverID + ', server at ' + m.gen + ' of ' + m.id);
      return;
    }
    gen = m.gen;
    showProblems(m.problems);
  }

  function onReload(m) {
    gen = m.gen;
    var h = here();
    if (m.gone && Object.prototype.hasOwnProperty.call(m.gone, h)) {
      location.replace(m.gone[h]);
      return;
    }
    if (m.all || m.other || (m.pages || []).indexOf(h) >= 0) {
      reload('build ' + m.gen + ' changed ' + (m.all ? 'every page' : m.other ? 'an asset' : 'this page'));
      return;
    }
    if (m.css && m.css.length) { swapCSS(m.css); }
  }

  var source = null;
  function connect() {
    if (source) { return; }
    source = new EventSource('/__showcase/events');
    source.addEventListener('error', function () { window.__showcaseConnected = false; });
    source.addEventListener('hello', function (e) { onHello(JSON.parse(e.data)); });
    source.addEventListener('reload', function (e) { onReload(JSON.parse(e.data)); });
    source.addEventListener('problems', function (e) { showProblems(JSON.parse(e.data).problems); });
  }
  function disconnect() {
    if (source) { source.close(); source = null; }
    window.__showcaseConnected = false;
  }

  // Hidden tabs let go of their stream, so that many tabs do not use up
  // the browser's connections; hello brings them up to date when shown.
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') { disconnect(); } else { connect(); }
  });
  window.addEventListener('pagehide', disconnect);
  window.addEventListener('pageshow', function () {
    if (document.visibilityState !== 'hidden') { connect(); }
  });
  if (document.visibilityState !== 'hidden') { connect(); }
})();
