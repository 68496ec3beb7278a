/* showcase: the search page (/search/).
 *
 * The index is static files written by `showcase build` (see the Go
 * package internal/search, whose query engine follows the same rules as
 * this script; keep the two in step):
 *   t/<n>.bin   key shards: a key lives in shard fnv1a32(utf8(key)) mod N
 *   f/<n>.json  fragment files: the documents to show, G to a file
 * A query downloads the shards of its keys, ranks the documents, then
 * downloads the fragment files of the results on the page shown.
 *
 * Everything this script inserts goes in as text (textContent), and every
 * link it makes is built from a known section of the site and a slug.
 */
(function () {
  'use strict';

  var FORMAT = 1;
  var MAX_WORD = 32;      // search.MaxWordRunes
  var MAX_KEYS = 16;      // search.MaxQueryKeys
  var PER_PAGE = 10;
  var SECTIONS = { c: 'cases/', p: 'practices/', b: 'briefings/', g: '' };
  var STATUSES = { 'planned': 1, 'under-construction': 1, 'completed': 1 };

  /* ---- tokenizer: search.Tokenizer ---- */

  function fold(c) {
    if (c >= 65 && c <= 90) { return c + 32; }
    if (c >= 0xC0 && c <= 0xDE && c !== 0xD7) { return c + 32; }
    if (c >= 0xFF10 && c <= 0xFF19) { return c - 0xFF10 + 48; }
    if (c >= 0xFF21 && c <= 0xFF3A) { return c - 0xFF21 + 97; }
    if (c >= 0xFF41 && c <= 0xFF5A) { return c - 0xFF41 + 97; }
    return c;
  }
  function isCJK(c) {
    return c === 0x3007 ||
      (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x323AF);
  }
  function isDigit(c) { return c >= 48 && c <= 57; }
  function isWord(c) {
    if ((c >= 97 && c <= 122) || isDigit(c)) { return true; }
    if (c < 0xC0) { return false; }
    if (c <= 0x24F) { return c !== 0xD7 && c !== 0xF7; }
    return c >= 0x370 && c <= 0x4FF;
  }
  function chr(c) { return String.fromCodePoint(c); }

  // scan calls onRun with each run of CJK code points and onWord with
  // each folded word of text.
  function scan(text, onRun, onWord) {
    var run = [], word = '', words = 0, i = 0, c;
    function flushRun() { if (run.length) { onRun(run); run = []; } }
    function flushWord() { if (word) { onWord(word); word = ''; words = 0; } }
    while (i < text.length) {
      c = text.codePointAt(i);
      i += c > 0xFFFF ? 2 : 1;
      c = fold(c);
      if (isCJK(c)) {
        flushWord();
        run.push(c);
      } else if (isWord(c)) {
        flushRun();
        if (words < MAX_WORD) { word += chr(c); }
        words++;
      } else if (c === 46 && word && isDigit(word.charCodeAt(word.length - 1)) &&
                 i < text.length && isDigit(fold(text.codePointAt(i)))) {
        if (words < MAX_WORD) { word += '.'; }
        words++;
      } else {
        flushRun();
        flushWord();
      }
    }
    flushRun();
    flushWord();
  }

  // groups splits a query into terms: {text, keys}.
  function groups(query) {
    var out = [], seen = Object.create(null), room = MAX_KEYS;
    function add(text, keys) {
      if (room > 0 && !seen[text]) {
        seen[text] = true;
        room -= keys.length;
        out.push({ text: text, keys: keys });
      }
    }
    scan(query, function (run) {
      if (run.length === 1) {
        add(chr(run[0]), [chr(run[0])]);
        return;
      }
      if (run.length - 1 > room) { run = run.slice(0, room + 1); }
      var keys = [], k, i;
      for (i = 1; i < run.length; i++) {
        k = chr(run[i - 1]) + chr(run[i]);
        if (keys.indexOf(k) < 0) { keys.push(k); }
      }
      add(run.map(chr).join(''), keys);
    }, function (w) { add(w, [w]); });
    return out;
  }

  // keys lists every key of text, as the index builder finds them.
  function keysOf(text) {
    var out = [];
    scan(text, function (run) {
      for (var i = 0; i < run.length; i++) {
        out.push(chr(run[i]));
        if (i > 0) { out.push(chr(run[i - 1]) + chr(run[i])); }
      }
    }, function (w) { out.push(w); });
    return out;
  }

  /* ---- index files ---- */

  // utf8 returns the UTF-8 of s as a string of byte values.
  function utf8(s) {
    var out = '', i, c, f = String.fromCharCode;
    for (i = 0; i < s.length; i++) {
      c = s.codePointAt(i);
      if (c < 0x80) {
        out += f(c);
      } else if (c < 0x800) {
        out += f(0xC0 | c >> 6, 0x80 | c & 63);
      } else if (c < 0x10000) {
        out += f(0xE0 | c >> 12, 0x80 | c >> 6 & 63, 0x80 | c & 63);
      } else {
        out += f(0xF0 | c >> 18, 0x80 | c >> 12 & 63, 0x80 | c >> 6 & 63, 0x80 | c & 63);
        i++;
      }
    }
    return out;
  }
  function hash(bytes) {
    var h = 2166136261;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes.charCodeAt(i);
      h = Math.imul(h, 16777619) >>> 0;
    }
    return h >>> 0;
  }

  function Index(el) {
    var d = el.dataset;
    this.base = d.base;
    this.dir = d.index;
    this.version = d.version;
    this.docs = +d.docs;
    this.shards = +d.shards;
    this.group = +d.group;
    this.ok = +d.format === FORMAT && this.shards > 0 && this.group > 0 &&
      /^\/(?!\/)/.test(this.base) && this.dir.indexOf(this.base) === 0;
    this.shardCache = Object.create(null); // n -> Promise of the shard's bytes
    this.fragCache = Object.create(null);  // n -> Promise of docs
    this.bytes = 0;                        // bytes fetched (uncompressed)
  }
  Index.prototype.fetch = function (name, kind) {
    var self = this;
    return fetch(this.dir + name + '?v=' + encodeURIComponent(this.version), { credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error(name + ': ' + r.status); }
        return kind === 'json' ? r.text().then(function (t) { self.bytes += t.length; return JSON.parse(t); })
          : r.arrayBuffer().then(function (b) { self.bytes += b.byteLength; return new Uint8Array(b); });
      });
  };
  Index.prototype.shardOf = function (key) { return hash(utf8(key)) & (this.shards - 1); };
  // shard returns a Promise of the bytes of shard n.
  Index.prototype.shard = function (n) {
    var self = this;
    if (!this.shardCache[n]) {
      this.shardCache[n] = this.fetch('t/' + n + '.bin', 'bin');
      this.shardCache[n].catch(function () { delete self.shardCache[n]; });
    }
    return this.shardCache[n];
  };
  // postings returns the postings of key, from the bytes of its shard n.
  Index.prototype.postings = function (key, n, bytes) {
    return decodePostings(bytes, findKey(bytes, utf8(key)), this.docs);
  };
  Index.prototype.doc = function (n) {
    var self = this, f = Math.floor(n / this.group);
    if (!this.fragCache[f]) {
      this.fragCache[f] = this.fetch('f/' + f + '.json', 'json');
      this.fragCache[f].catch(function () { delete self.fragCache[f]; });
    }
    return this.fragCache[f].then(function (list) { return list[n - f * self.group]; });
  };

  function uvarint(r) {
    var v = 0, mul = 1, b;
    do {
      if (r.i >= r.b.length) { throw new Error('corrupt index shard'); }
      b = r.b[r.i++];
      v += (b & 0x7f) * mul;
      mul *= 128;
    } while (b & 0x80);
    return v;
  }
  // findKey returns [number of documents, start, end] of the postings of
  // key (UTF-8 as a string of byte values) in a shard, or null.
  function findKey(bytes, key) {
    var r = { b: bytes, i: 0 }, count = uvarint(r), i, j, kl, df, bl, same;
    for (i = 0; i < count; i++) {
      kl = uvarint(r);
      same = kl === key.length;
      for (j = 0; same && j < kl; j++) { same = bytes[r.i + j] === key.charCodeAt(j); }
      r.i += kl;
      df = uvarint(r);
      bl = uvarint(r);
      if (same) { return [df, r.i, r.i + bl]; }
      r.i += bl;
      if (r.i > bytes.length) { break; }
    }
    return null;
  }
  function decodePostings(bytes, at, ndocs) {
    var df = at ? at[0] : 0, docs = new Int32Array(df), vals = new Uint8Array(df);
    var i = at ? at[1] : 0, end = at ? at[2] : 0, doc = 0, j, x, v, mul;
    for (j = 0; j < df; j++) {
      x = bytes[i++];
      if (x < 128) {
        doc += x;
      } else {
        v = x & 127;
        mul = 128;
        do {
          x = bytes[i++];
          v += (x & 127) * mul;
          mul *= 128;
        } while (x >= 128 && i < end);
        doc += v;
      }
      if (doc >= ndocs || i >= end) { throw new Error('corrupt index shard'); }
      docs[j] = doc;
      vals[j] = bytes[i++];
    }
    if (i !== end) { throw new Error('corrupt index shard'); }
    return { docs: docs, vals: vals };
  }

  /* ---- ranking: search.Engine.Search ---- */

  function fieldWeight(mask) {
    if (mask & 1) { return 8; }
    if (mask & 2) { return 4; }
    if (mask & 4) { return 2; }
    return 1;
  }

  // filterKey is search.FilterKey.
  function filterKey(prefix, v) {
    return prefix + v.replace(/[%<>&]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); });
  }

  // search returns a Promise of the documents that match q ({text, city,
  // practice, status}), best first: an Int32Array of their numbers, with
  // ms, the milliseconds it took once the shards had come.
  function search(index, q) {
    var gs = groups(q.text), filters = [], wanted = Object.create(null), list = [];
    if (q.city) { filters.push(filterKey('city:', q.city)); }
    if (q.practice) { filters.push(filterKey('practice:', q.practice)); }
    if (q.status) { filters.push(filterKey('status:', q.status)); }
    if (!gs.length && !filters.length) { return Promise.resolve(new Int32Array(0)); }
    filters.concat.apply(filters, gs.map(function (g) { return g.keys; })).forEach(function (k) {
      if (!wanted[k]) { wanted[k] = true; list.push(k); }
    });
    var shards = list.map(function (k) { return index.shardOf(k); });
    return Promise.all(shards.map(function (n) { return index.shard(n); })).then(function (bytes) {
      var t0 = now(), post = Object.create(null);
      list.forEach(function (k, i) { post[k] = index.postings(k, shards[i], bytes[i]); });
      var hits = rank(index.docs, gs, filters, post);
      hits.ms = now() - t0;
      return hits;
    });
  }

  function now() { return window.performance ? window.performance.now() : Date.now(); }

  // rank returns the numbers of the documents found, best first, for the
  // terms gs and the filter keys, given the postings of every key. (Plain
  // loops: variables shared with closures are slow in hot loops.)
  function rank(n, gs, filters, post) {
    var allowed = null, found = 0, d, i, j, g, k, p, docs, vals, v, nt, r;
    if (filters.length) {
      var have = new Uint8Array(n);
      for (i = 0; i < filters.length; i++) {
        docs = post[filters[i]].docs;
        for (j = 0; j < docs.length; j++) { have[docs[j]]++; }
      }
      allowed = new Uint8Array(n);
      for (d = 0; d < n; d++) {
        if (have[d] === filters.length) { allowed[d] = 1; found++; }
      }
    }
    if (!gs.length) {
      var all = new Int32Array(found);
      for (d = 0, i = 0; d < n; d++) { if (allowed[d]) { all[i++] = d; } }
      return all;
    }
    var full = new Int32Array(n), matched = new Int32Array(n), score = new Int32Array(n);
    var cnt = new Int32Array(n), mask = new Uint8Array(n), tf = new Uint8Array(n);
    var touched = new Int32Array(n), total = 0;
    for (g = 0; g < gs.length; g++) {
      nt = 0;
      total += gs[g].keys.length;
      for (k = 0; k < gs[g].keys.length; k++) {
        p = post[gs[g].keys[k]];
        docs = p.docs;
        vals = p.vals;
        for (j = 0; j < docs.length; j++) {
          d = docs[j];
          if (allowed !== null && allowed[d] === 0) { continue; }
          v = vals[j];
          if (cnt[d] === 0) { touched[nt++] = d; mask[d] = 0xF; tf[d] = 15; }
          cnt[d]++;
          mask[d] &= v & 0xF;
          if ((v >> 4) < tf[d]) { tf[d] = v >> 4; }
        }
      }
      for (i = 0; i < nt; i++) {
        d = touched[i];
        matched[d] += cnt[d];
        if (cnt[d] === gs[g].keys.length) {
          full[d]++;
          score[d] += fieldWeight(mask[d]) * 16 + tf[d];
        }
        cnt[d] = 0;
      }
    }
    // Order the hits: their rank (full terms, keys matched, score) is one
    // number, higher first; hits of one rank keep document order. There
    // are few ranks, so the hits are counted into buckets, not sorted.
    var bucketOf = new Map(), ranks = [], hb = new Int32Array(n), hd = new Int32Array(n), nh = 0, b;
    for (d = 0; d < n; d++) {
      if (full[d] > 0 || (total >= 3 && matched[d] * 3 >= total * 2)) {
        r = (full[d] * 32 + matched[d]) * 4096 + score[d];
        b = bucketOf.get(r);
        if (b === undefined) {
          b = ranks.length;
          bucketOf.set(r, b);
          ranks.push(r);
        }
        hb[nh] = b;
        hd[nh++] = d;
      }
    }
    var size = new Int32Array(ranks.length), at = new Int32Array(ranks.length);
    for (i = 0; i < nh; i++) { size[hb[i]]++; }
    var order = ranks.map(function (x, i) { return i; }).sort(function (x, y) { return ranks[y] - ranks[x]; });
    for (i = 0, j = 0; i < order.length; i++) {
      at[order[i]] = j;
      j += size[order[i]];
    }
    var out = new Int32Array(nh);
    for (i = 0; i < nh; i++) { out[at[hb[i]]++] = hd[i]; }
    return out;
  }

  /* ---- snippets ---- */

  var FOLDED = /[A-Z\u00C0-\u00D6\u00D8-\u00DE\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g;
  function foldString(s) {
    return s.replace(FOLDED, function (c) { return String.fromCharCode(fold(c.charCodeAt(0))); });
  }

  // ranges returns the non-overlapping [start, end) of every pattern in f
  // (folded text), leftmost first, the longest at one place.
  function ranges(f, pats) {
    var out = [], i = 0, j, best, at, p, next = [];
    while (i < f.length) {
      best = 0;
      at = -1;
      for (j = 0; j < pats.length; j++) {
        if (!pats[j]) { continue; }
        if (next[j] === undefined || (next[j] >= 0 && next[j] < i)) { next[j] = f.indexOf(pats[j], i); }
        p = next[j];
        if (p >= 0 && (at < 0 || p < at || (p === at && pats[j].length > best))) { at = p; best = pats[j].length; }
      }
      if (at < 0) { break; }
      out.push([at, at + best]);
      i = at + best;
    }
    return out;
  }

  // appendMarked adds text to el, with the ranges marked.
  function appendMarked(el, text, rs) {
    var pos = 0;
    rs.forEach(function (r) {
      if (r[0] > pos) { el.appendChild(document.createTextNode(text.slice(pos, r[0]))); }
      var m = document.createElement('mark');
      m.textContent = text.slice(r[0], r[1]);
      el.appendChild(m);
      pos = r[1];
    });
    if (pos < text.length) { el.appendChild(document.createTextNode(text.slice(pos))); }
  }

  // marked adds text to el with every pattern marked.
  function marked(el, text, pats, fold) {
    appendMarked(el, text, ranges(fold ? foldString(text) : text, pats));
  }

  var SNIPPET = 90, BEFORE = 24;

  // snippet fills el with a short part of the document around the first
  // match, matches marked: of the terms, or else of their keys.
  function snippet(el, doc, gs, fold) {
    var texts = [doc.d || '', doc.x || '', (doc.p || []).concat(doc.m || []).join('、')];
    var pats = gs.map(function (g) { return g.text; }), k, i, j, p, first, t, f;
    for (k = 0; k < 2; k++) {
      for (i = 0; i < texts.length; i++) {
        t = texts[i];
        f = fold ? foldString(t) : t;
        first = -1;
        for (j = 0; j < pats.length; j++) {
          p = pats[j] ? f.indexOf(pats[j]) : -1;
          if (p >= 0 && (first < 0 || p < first)) { first = p; }
        }
        if (first >= 0) {
          var start = Math.max(0, first - BEFORE), end = Math.min(t.length, start + SNIPPET);
          start = Math.max(0, Math.min(start, end - SNIPPET));
          if (start > 0 && /[\uDC00-\uDFFF]/.test(t.charAt(start))) { start--; }
          if (end < t.length && /[\uD800-\uDBFF]/.test(t.charAt(end - 1))) { end--; }
          if (start > 0) { el.appendChild(document.createTextNode('…')); }
          appendMarked(el, t.slice(start, end), ranges(f.slice(start, end), pats));
          if (end < t.length) { el.appendChild(document.createTextNode('…')); }
          return;
        }
      }
      pats = [];
      gs.forEach(function (g) { pats = pats.concat(g.keys); });
    }
    t = texts[0] || texts[1];
    el.textContent = t.length > SNIPPET ? t.slice(0, SNIPPET) + '…' : t;
  }

  /* ---- the page ---- */

  function text(el, name) { return el.getAttribute('data-' + name) || ''; }
  function format(s, n) { return s.replace('%d', String(n)); }

  function start() {
    var form = document.getElementById('search-form');
    var input = document.getElementById('search-q');
    var status = document.getElementById('search-status');
    var results = document.getElementById('search-results');
    var pager = document.getElementById('search-pager');
    var strings = document.getElementById('search-text');
    if (!form || !input || !status || !results || !pager || !strings || !window.fetch) { return; }
    var index = new Index(form);
    var selects = { city: form.elements.city, practice: form.elements.practice, status: form.elements.status };
    var statusLabels = Object.create(null);
    if (selects.status) {
      Array.prototype.forEach.call(selects.status.options, function (o) { statusLabels[o.value] = o.textContent; });
    }
    var seq = 0, timer = 0, composing = false, timing = null;

    function current() {
      var q = { text: input.value.trim(), page: 1 };
      Object.keys(selects).forEach(function (k) { q[k] = selects[k] ? selects[k].value : ''; });
      return q;
    }
    function queryString(q, page) {
      var p = new URLSearchParams();
      if (q.text) { p.set('q', q.text); }
      Object.keys(selects).forEach(function (k) { if (q[k]) { p.set(k, q[k]); } });
      if (page > 1) { p.set('page', String(page)); }
      var s = p.toString();
      return index.dir + (s ? '?' + s : '');
    }
    function fromURL() {
      var p = new URLSearchParams(window.location.search);
      input.value = p.get('q') || '';
      Object.keys(selects).forEach(function (k) {
        var s = selects[k], v = p.get(k) || '';
        if (!s) { return; }
        s.value = v;
        if (s.value !== v) { s.value = ''; } // not an option of this site
      });
      var q = current();
      q.page = Math.max(1, parseInt(p.get('page'), 10) || 1);
      return q;
    }
    function clear(el) { while (el.firstChild) { el.removeChild(el.firstChild); } }
    function say(s) { status.textContent = s; }

    // docURL is the link to a document: the site's base path, the section
    // of its kind, its slug (each segment encoded; no empty, . or ..
    // segment), a slash. Nothing else can make a link leave the site.
    function docURL(doc) {
      var section = Object.prototype.hasOwnProperty.call(SECTIONS, doc.k) ? SECTIONS[doc.k] : null;
      if (section === null || typeof doc.s !== 'string') { return null; }
      var segs = doc.s.split('/');
      for (var i = 0; i < segs.length; i++) {
        if (segs[i] === '' || segs[i] === '.' || segs[i] === '..') { return null; }
        segs[i] = encodeURIComponent(segs[i]);
      }
      return index.base + section + segs.join('/') + '/';
    }

    function render(q, hits, docs, gs) {
      clear(results);
      clear(pager);
      // Text needs folding only to match letters and digits.
      var pats = gs.map(function (g) { return g.text; }).filter(function (x) { return x; });
      var fold = pats.some(function (x) { return /[0-9a-z\u00e0-\u00fe]/.test(x); });
      var pages = Math.ceil(hits.length / PER_PAGE);
      say(hits.length ? format(text(strings, 'found'), hits.length) +
        (pages > 1 ? format(text(strings, 'page'), q.page).replace('%t', String(pages)) : '') : text(strings, 'none'));
      docs.forEach(function (doc) {
        var url = doc && docURL(doc);
        if (!url) { return; }
        var li = document.createElement('li');
        li.className = 'search-result';
        var h = document.createElement('h2');
        h.className = 'card-title';
        var a = document.createElement('a');
        a.href = url;
        marked(a, doc.t || '', pats, fold);
        h.appendChild(a);
        li.appendChild(h);
        var meta = document.createElement('p');
        meta.className = 'card-meta';
        var kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = text(strings, 'kind-' + doc.k);
        meta.appendChild(kind);
        if (doc.st && STATUSES[doc.st] === 1) {
          var b = document.createElement('span');
          b.className = 'badge status-' + doc.st;
          b.textContent = statusLabels[doc.st] || doc.st;
          meta.appendChild(b);
        }
        if (doc.r) {
          var w = document.createElement('span');
          w.className = 'where';
          w.textContent = doc.r;
          meta.appendChild(w);
        }
        li.appendChild(meta);
        var p = document.createElement('p');
        p.className = 'snippet';
        snippet(p, doc, gs, fold);
        li.appendChild(p);
        results.appendChild(li);
      });
      if (pages > 1) {
        var ul = document.createElement('ul');
        [[q.page - 1, 'prev'], [q.page + 1, 'next']].forEach(function (x) {
          if (x[0] < 1 || x[0] > pages) { return; }
          var li = document.createElement('li'), a = document.createElement('a');
          li.className = x[1];
          a.href = queryString(q, x[0]);
          a.rel = x[1];
          a.textContent = text(strings, x[1]);
          a.addEventListener('click', function (e) {
            e.preventDefault();
            q.page = x[0];
            window.history.pushState(null, '', a.href);
            run(q);
            input.focus();
          });
          li.appendChild(a);
          ul.appendChild(li);
        });
        pager.appendChild(ul);
      }
    }

    function run(q) {
      var my = ++seq;
      if (!index.ok) { say(text(strings, 'error')); return; }
      if (!q.text && !q.city && !q.practice && !q.status) {
        clear(results);
        clear(pager);
        say(text(strings, 'hint'));
        return;
      }
      say(text(strings, 'searching'));
      var gs = groups(q.text);
      search(index, q).then(function (hits) {
        var pages = Math.max(1, Math.ceil(hits.length / PER_PAGE));
        if (q.page > pages) { q.page = pages; }
        var shown = Array.prototype.slice.call(hits, (q.page - 1) * PER_PAGE, q.page * PER_PAGE);
        return Promise.all(shown.map(function (d) { return index.doc(d); })).then(function (docs) {
          if (my === seq) {
            var t0 = now();
            render(q, hits, docs, gs);
            timing = { rank: hits.ms, render: now() - t0 };
          }
        });
      }).catch(function () {
        if (my === seq) { say(text(strings, 'error')); }
      });
    }

    function update(push) {
      window.clearTimeout(timer);
      var q = current(), url = queryString(q, 1);
      if (url !== window.location.pathname + window.location.search) {
        window.history[push ? 'pushState' : 'replaceState'](null, '', url);
      }
      run(q);
    }

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      update(true);
    });
    input.addEventListener('compositionstart', function () { composing = true; });
    input.addEventListener('compositionend', function () { composing = false; update(false); });
    input.addEventListener('input', function () {
      if (composing) { return; }
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { update(false); }, 200);
    });
    Object.keys(selects).forEach(function (k) {
      if (selects[k]) { selects[k].addEventListener('change', function () { update(false); }); }
    });
    window.addEventListener('popstate', function () { run(fromURL()); });

    // For tests: the tokenizer and the ranking, to compare with Go's.
    window.showcaseSearch = {
      keys: keysOf,
      groups: groups,
      filterKey: filterKey,
      search: function (q) { return search(index, q); },
      bytes: function () { return index.bytes; },
      // milliseconds the last search shown took once its files had come
      timing: function () { return timing; }
    };
    run(fromURL());
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
