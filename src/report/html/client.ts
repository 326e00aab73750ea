/**
 * The report's only script, inlined into the page and allowed by its SHA-256 in the page's
 * Content-Security-Policy. It never builds markup from text: everything it shows goes through
 * `textContent`, so article words stay words.
 *
 * Filters: the selects in `#filters` hide cards whose data-verdict / data-kind / data-sources /
 * data-decision do not match. Full cards are shown PAGE at a time (a page of a large report is quick to
 * lay out), with page buttons in `#pages`; one-line agreements sit in a folded `<details>`, opened when the
 * verdict filter asks for agreements.
 *
 * Review (only when the page carries a `corroborate-review-token` meta): each card's form posts
 * `{id, status, comment}` to /api/decisions with the token in a header; `#open-counts` says how many
 * conflicts and variants still need a decision; keys: j / k next and previous finding, a accept, r reject,
 * n needs correction, u undo (never while typing in a field).
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var PAGE = 100;
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var form = document.getElementById('filters');
  var count = document.getElementById('filter-count');
  var empty = document.getElementById('filter-empty');
  var pages = document.getElementById('pages');
  var folded = document.getElementById('agreements');
  var page = 0;
  var matched = [];
  var info = cards.map(function (card) {
    return {
      card: card,
      line: card.classList.contains('line'),
      verdict: card.getAttribute('data-verdict'),
      kind: card.getAttribute('data-kind'),
      sources: ' ' + (card.getAttribute('data-sources') || '') + ' '
    };
  });
  function value(id) {
    var el = document.getElementById(id);
    return el ? el.value : '';
  }
  function apply(keepPage) {
    var verdict = value('filter-verdict');
    var kind = value('filter-kind');
    var source = value('filter-source');
    var decision = value('filter-decision');
    var shown = 0;
    matched = [];
    var full = [];
    info.forEach(function (c) {
      var ok = (!verdict || c.verdict === verdict) &&
        (!kind || c.kind === kind) &&
        (!source || c.sources.indexOf(' ' + source + ' ') >= 0) &&
        (!decision || (c.card.getAttribute('data-decision') || 'none') === decision);
      if (ok) { shown++; matched.push(c.card); }
      if (c.line) { if (c.card.hidden === ok) c.card.hidden = !ok; }
      else if (ok) full.push(c);
      else if (!c.card.hidden) c.card.hidden = true;
    });
    var last = Math.max(0, Math.ceil(full.length / PAGE) - 1);
    if (!keepPage) page = 0;
    if (page > last) page = last;
    full.forEach(function (c, i) {
      var hide = i < page * PAGE || i >= (page + 1) * PAGE;
      if (c.card.hidden !== hide) c.card.hidden = hide;
    });
    if (folded && verdict === 'agree') folded.open = true;
    if (count) count.textContent = 'Showing ' + shown + ' of ' + cards.length;
    if (empty) empty.hidden = shown > 0;
    if (pages) {
      pages.hidden = last === 0;
      while (pages.firstChild) pages.removeChild(pages.firstChild);
      if (last > 0) {
        var prev = document.createElement('button');
        prev.type = 'button'; prev.textContent = 'Previous'; prev.disabled = page === 0;
        prev.addEventListener('click', function () { page--; apply(true); window.scrollTo(0, pages.parentNode.offsetTop); });
        var at = document.createElement('span');
        at.textContent = 'Page ' + (page + 1) + ' of ' + (last + 1) + ' (' + PAGE + ' findings a page)';
        var next = document.createElement('button');
        next.type = 'button'; next.textContent = 'Next'; next.disabled = page === last;
        next.addEventListener('click', function () { page++; apply(true); window.scrollTo(0, pages.parentNode.offsetTop); });
        pages.appendChild(prev); pages.appendChild(at); pages.appendChild(next);
      }
    }
  }
  if (form) {
    form.hidden = false;
    form.addEventListener('change', function () { apply(false); });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    apply(false);
  }

  var meta = document.querySelector('meta[name="corroborate-review-token"]');
  if (!meta) return;
  var token = meta.getAttribute('content') || '';
  var LABELS = { 'accepted': 'accepted', 'rejected': 'rejected (false alarm)', 'needs-correction': 'needs correction' };

  function recount() {
    Array.prototype.forEach.call(document.querySelectorAll('.open-count'), function (el) {
      var v = el.getAttribute('data-verdict');
      var open = 0;
      info.forEach(function (c) {
        if (c.verdict === v && (c.card.getAttribute('data-decision') || 'none') === 'none') open++;
      });
      el.querySelector('.n-open').textContent = String(open);
      el.querySelector('.verb').textContent = open === 1 ? 'needs' : 'need';
    });
  }

  function show(card, status, comment) {
    card.setAttribute('data-decision', status || 'none');
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

  function send(card, reviewForm, status) {
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
        show(card, saved ? saved.status : '', saved ? (saved.comment || '') : '');
        if (note) note.textContent = saved ? 'Saved.' : 'Cleared.';
        apply(true);
      });
    }).catch(function (err) {
      if (note) note.textContent = 'Not saved: ' + (err && err.message ? err.message : String(err));
    });
  }

  var forms = [];
  cards.forEach(function (card) {
    var reviewForm = card.querySelector('form.review');
    if (!reviewForm) return;
    forms.push(card);
    reviewForm.addEventListener('submit', function (e) {
      e.preventDefault();
      var picked = reviewForm.querySelector('input[type=radio]:checked');
      var note = reviewForm.querySelector('.saved');
      if (!picked) {
        if (note) note.textContent = 'Pick a decision first.';
        return;
      }
      send(card, reviewForm, picked.value);
    });
    var clear = reviewForm.querySelector('button[data-action=clear]');
    if (clear) clear.addEventListener('click', function () { send(card, reviewForm, ''); });
  });

  // Keys: the current finding is the one marked .current (the first shown until j or k moves it).
  var keys = document.getElementById('keys');
  if (keys) keys.hidden = false;
  var current = null;
  function visible() { return forms.filter(function (c) { return !c.hidden; }); }
  function focus(card) {
    if (current) current.classList.remove('current');
    current = card;
    if (!card) return;
    card.classList.add('current');
    card.scrollIntoView({ block: 'start' });
  }
  var DECIDE = { a: 'accepted', r: 'rejected', n: 'needs-correction', u: '' };
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target;
    if (t && (t.tagName === 'TEXTAREA' || t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.isContentEditable)) return;
    var list = visible();
    if (!list.length) return;
    var at = current && !current.hidden ? list.indexOf(current) : -1;
    if (e.key === 'j' || e.key === 'k') {
      e.preventDefault();
      var to = e.key === 'j' ? Math.min(list.length - 1, at + 1) : Math.max(0, at < 0 ? 0 : at - 1);
      focus(list[to]);
      return;
    }
    if (!Object.prototype.hasOwnProperty.call(DECIDE, e.key)) return;
    e.preventDefault();
    var card = at >= 0 ? list[at] : list[0];
    if (at < 0) focus(card);
    send(card, card.querySelector('form.review'), DECIDE[e.key]);
  });
})();
`;
