/**
 * The report's only script, inlined into the page and allowed by its SHA-256 in the page's
 * Content-Security-Policy. It never builds markup from text: everything it shows goes through
 * `textContent` and `createElement`, so article words stay words.
 *
 * Filters: the selects in `#filters` hide cards whose data-verdict / data-kind / data-sources /
 * data-decision do not match. Full cards are shown a page at a time (`#cards` data-page of them), with
 * page buttons in `#pages`. One-line agreements sit in a folded `<details>`, opened when the verdict
 * filter asks for agreements.
 *
 * A large report carries the cards past its first page, and its one-line agreements, as data: `#cards-data`
 * holds, deflated and in base64, one line of filter fields (`[verdict, kind, sources, decision]` per card)
 * and then one JSON line per card, `[tag, attributes, ...children]`. A card's line is parsed and built
 * (only the tags and attributes a card has) when its page is shown; agreement lines when the folded list
 * is opened, LINES at a time.
 *
 * Review (only when the page carries a `corroborate-review-token` meta): each card's form posts
 * `{id, status, comment}` to /api/decisions with the token in a header; `#open-counts` says how many
 * conflicts and variants still need a decision; keys: j / k next and previous finding, a accept, r reject,
 * n needs correction, u undo (never while typing in a field).
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var holder = document.getElementById('cards');
  var PAGE = holder ? Number(holder.getAttribute('data-page')) || 100 : 100;
  var LINES = 200;
  var TAGS = /^(article|header|div|span|strong|h3|p|ol|ul|li|mark|ins|del|code|form|fieldset|legend|label|input|textarea|button)$/;
  var ATTRS = /^(class|id|type|name|value|checked|hidden|maxlength|placeholder|role|aria-[a-z]+|data-[a-z]+)$/;
  function build(n) {
    if (typeof n === 'string') return document.createTextNode(n);
    if (!TAGS.test(n[0])) return document.createTextNode('');
    var el = document.createElement(n[0]);
    var a = n[1] || {};
    Object.keys(a).forEach(function (k) { if (ATTRS.test(k)) el.setAttribute(k, a[k] === true ? '' : String(a[k])); });
    for (var i = 2; i < n.length; i++) el.appendChild(build(n[i]));
    if (n[0] === 'textarea') el.value = el.textContent;
    return el;
  }
  function fromCard(card) {
    return { card: card, tree: null, line: card.classList.contains('line'), verdict: card.getAttribute('data-verdict'),
      kind: card.getAttribute('data-kind'), sources: ' ' + (card.getAttribute('data-sources') || '') + ' ',
      decision: card.getAttribute('data-decision') || 'none', match: true };
  }
  var info = Array.prototype.map.call(document.querySelectorAll('article.finding'), fromCard);
  var data = document.getElementById('cards-data');
  var lineHolder = document.getElementById('lines');
  var form = document.getElementById('filters');
  var count = document.getElementById('filter-count');
  var empty = document.getElementById('filter-empty');
  var pages = document.getElementById('pages');
  var folded = document.getElementById('agreements');
  var page = 0;
  var linesShown = LINES;
  var matchedLines = [];
  var wire = function () {};
  var onApply = function () {};

  function cardOf(c) {
    if (!c.card) {
      c.card = build(typeof c.tree === 'string' ? JSON.parse(c.tree) : c.tree);
      c.tree = null;
      wire(c);
    }
    return c.card;
  }
  function value(id) {
    var el = document.getElementById(id);
    return el ? el.value : '';
  }
  // One-line agreements: from the page's markup, each hidden or shown; from data, the matching ones are
  // built (LINES at a time) only while the folded list is open.
  function showLines() {
    if (!lineHolder) return;
    if (!data) {
      info.forEach(function (c) { if (c.line && c.card.hidden === c.match) c.card.hidden = !c.match; });
      return;
    }
    if (folded && !folded.open) return;
    while (lineHolder.firstChild) lineHolder.removeChild(lineHolder.firstChild);
    matchedLines.slice(0, linesShown).forEach(function (c) { lineHolder.appendChild(cardOf(c)); });
    if (matchedLines.length > linesShown) {
      var more = document.createElement('button');
      more.type = 'button';
      more.className = 'more-lines';
      more.textContent = 'Show ' + Math.min(LINES, matchedLines.length - linesShown) + ' more of ' + (matchedLines.length - linesShown);
      more.addEventListener('click', function () { linesShown += LINES; showLines(); });
      lineHolder.appendChild(more);
    }
  }
  if (folded) folded.addEventListener('toggle', function () { if (folded.open) showLines(); });

  function apply(keepPage) {
    var verdict = value('filter-verdict');
    var kind = value('filter-kind');
    var source = value('filter-source');
    var decision = value('filter-decision');
    var shown = 0;
    var full = [];
    var lines = [];
    info.forEach(function (c) {
      var ok = (!verdict || c.verdict === verdict) &&
        (!kind || c.kind === kind) &&
        (!source || c.sources.indexOf(' ' + source + ' ') >= 0) &&
        (!decision || c.decision === decision);
      c.match = ok;
      if (ok) shown++;
      if (c.line) { if (ok) lines.push(c); }
      else if (ok) full.push(c);
      else if (c.card && !c.card.hidden) c.card.hidden = true;
    });
    var last = Math.max(0, Math.ceil(full.length / PAGE) - 1);
    if (!keepPage) { page = 0; linesShown = LINES; }
    if (page > last) page = last;
    full.forEach(function (c, i) {
      var on = i >= page * PAGE && i < (page + 1) * PAGE;
      if (on) {
        var el = cardOf(c);
        // In report order: the page's cards are put back one after the other.
        if (holder && data && el.parentNode !== holder) holder.appendChild(el);
        if (el.hidden) el.hidden = false;
      } else if (c.card && !c.card.hidden) c.card.hidden = true;
    });
    if (holder && data) {
      var mine = full.slice(page * PAGE, (page + 1) * PAGE);
      for (var i = 0; i < mine.length; i++) {
        var want = mine[i].card;
        var prev = i ? mine[i - 1].card : null;
        if (prev && prev.nextSibling !== want) holder.insertBefore(want, prev.nextSibling);
      }
    }
    matchedLines = lines;
    showLines();
    if (folded && verdict === 'agree' && !folded.open) folded.open = true;
    if (count) count.textContent = 'Showing ' + shown + ' of ' + info.length;
    if (empty) empty.hidden = shown > 0;
    if (pages) {
      pages.hidden = last === 0;
      while (pages.firstChild) pages.removeChild(pages.firstChild);
      if (last > 0) {
        var go = function (to) { page = to; apply(true); window.scrollTo(0, holder ? holder.offsetTop : 0); };
        var prevButton = document.createElement('button');
        prevButton.type = 'button'; prevButton.textContent = 'Previous'; prevButton.disabled = page === 0;
        prevButton.addEventListener('click', function () { go(page - 1); });
        var at = document.createElement('span');
        at.textContent = 'Page ' + (page + 1) + ' of ' + (last + 1);
        var next = document.createElement('button');
        next.type = 'button'; next.textContent = 'Next'; next.disabled = page === last;
        next.addEventListener('click', function () { go(page + 1); });
        pages.appendChild(prevButton); pages.appendChild(at); pages.appendChild(next);
      }
    }
    onApply();
  }

  function start() {
    if (!form) return;
    form.hidden = false;
    form.addEventListener('change', function () { apply(false); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    apply(false);
  }

  /** The later cards and lines, inflated: each kept as its JSON line until its page is shown. */
  function load(done) {
    var note = document.getElementById('loading');
    if (typeof DecompressionStream !== 'function') {
      if (note) note.textContent = 'This browser cannot unpack the other findings of this large report; the Markdown and JSON reports hold them all.';
      return;
    }
    var bin = atob((data.textContent || '').replace(/\s+/g, ''));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).text().then(function (text) {
      var rows = text.split('\n');
      var index = JSON.parse(rows[0]);
      var cards = Number(data.getAttribute('data-cards')) || 0;
      var later = index.map(function (f, i) {
        return { card: null, tree: rows[i + 1], line: i >= cards, verdict: f[0], kind: f[1], sources: ' ' + f[2] + ' ', decision: f[3], match: true };
      });
      var firstLine = 0;
      while (firstLine < info.length && !info[firstLine].line) firstLine++;
      info = info.slice(0, firstLine).concat(later.filter(function (c) { return !c.line; }), info.slice(firstLine), later.filter(function (c) { return c.line; }));
      if (note) note.hidden = true;
      done();
    }).catch(function (err) {
      if (note) note.textContent = 'The other findings could not be unpacked: ' + (err && err.message ? err.message : String(err));
    });
  }

  var meta = document.querySelector('meta[name="corroborate-review-token"]');
  if (meta) review(meta.getAttribute('content') || '');
  if (data) load(start);
  else start();

  function review(token) {
    var LABELS = { 'accepted': 'accepted', 'rejected': 'rejected (false alarm)', 'needs-correction': 'needs correction' };

    function recount() {
      Array.prototype.forEach.call(document.querySelectorAll('.open-count'), function (el) {
        var v = el.getAttribute('data-verdict');
        var open = 0;
        info.forEach(function (c) { if (c.verdict === v && c.decision === 'none') open++; });
        el.querySelector('.n-open').textContent = String(open);
        el.querySelector('.verb').textContent = open === 1 ? 'needs' : 'need';
      });
    }

    function show(c, status, comment) {
      var card = c.card;
      c.decision = status || 'none';
      card.setAttribute('data-decision', c.decision);
      var badge = card.querySelector('.decision');
      if (badge) {
        badge.textContent = status ? LABELS[status] : '';
        badge.hidden = !status;
      }
      var box = card.querySelector('textarea');
      if (box && typeof comment === 'string') box.value = comment;
      Array.prototype.forEach.call(card.querySelectorAll('input[type=radio]'), function (r) { r.checked = r.value === status; });
      recount();
    }

    function send(c, status) {
      var card = c.card;
      var reviewForm = card.querySelector('form.review');
      var note = reviewForm.querySelector('.saved');
      var box = reviewForm.querySelector('textarea');
      var comment = status && box ? box.value : '';
      if (note) note.textContent = 'Saving…';
      fetch('/api/decisions', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-Review-Token': token },
        body: JSON.stringify({ id: card.getAttribute('data-id'), status: status || null, comment: comment })
      }).then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok) throw new Error(body && body.error ? body.error : 'HTTP ' + res.status);
          var saved = body.decision || null;
          show(c, saved ? saved.status : '', saved ? (saved.comment || '') : '');
          if (note) note.textContent = saved ? 'Saved.' : 'Cleared.';
          apply(true);
        });
      }).catch(function (err) {
        if (note) note.textContent = 'Not saved: ' + (err && err.message ? err.message : String(err));
      });
    }

    wire = function (c) {
      var reviewForm = c.card.querySelector('form.review');
      if (!reviewForm) return;
      reviewForm.addEventListener('submit', function (e) {
        e.preventDefault();
        var picked = reviewForm.querySelector('input[type=radio]:checked');
        var note = reviewForm.querySelector('.saved');
        if (!picked) {
          if (note) note.textContent = 'Pick a decision first.';
          return;
        }
        send(c, picked.value);
      });
      var clear = reviewForm.querySelector('button[data-action=clear]');
      if (clear) clear.addEventListener('click', function () { send(c, ''); });
    };
    info.forEach(function (c) { wire(c); });

    // Keys: the current finding is the one marked .current (the first shown until j or k moves it).
    var keys = document.getElementById('keys');
    if (keys) keys.hidden = false;
    var current = null;
    function visible() {
      return info.filter(function (c) { return c.card && !c.line && !c.card.hidden && c.card.querySelector('form.review'); });
    }
    function focus(c) {
      if (current && current.card) current.card.classList.remove('current');
      current = c;
      if (!c) return;
      c.card.classList.add('current');
      c.card.scrollIntoView({ block: 'start' });
    }
    onApply = function () { if (current && current.card && current.card.hidden) focus(null); };
    var DECIDE = { a: 'accepted', r: 'rejected', n: 'needs-correction', u: '' };
    document.addEventListener('keydown', function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      var t = e.target;
      if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.isContentEditable)) return;
      var list = visible();
      if (!list.length) return;
      var at = current ? list.indexOf(current) : -1;
      if (e.key === 'j' || e.key === 'k') {
        e.preventDefault();
        var to = e.key === 'j' ? Math.min(list.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
        focus(list[to]);
        return;
      }
      if (!Object.prototype.hasOwnProperty.call(DECIDE, e.key)) return;
      e.preventDefault();
      var c = at >= 0 ? list[at] : list[0];
      if (at < 0) focus(c);
      send(c, DECIDE[e.key]);
    });
  }
})();
`;
