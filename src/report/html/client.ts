/**
 * The report's only script, inlined into the page and allowed by its SHA-256 in the page's
 * Content-Security-Policy. It never builds markup from text: everything it shows goes through
 * `textContent`, so article words stay words.
 *
 * Filters: the selects in `#filters` hide cards whose data-verdict / data-kind / data-sources /
 * data-decision do not match. Review (only when the page carries a `corroborate-review-token` meta):
 * each card's form posts `{id, status, comment}` to /api/decisions with the token in a header.
 */
export const CLIENT_SCRIPT = String.raw`
(function () {
  'use strict';
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.finding'));
  var form = document.getElementById('filters');
  var count = document.getElementById('filter-count');
  var empty = document.getElementById('filter-empty');
  function value(id) {
    var el = document.getElementById(id);
    return el ? el.value : '';
  }
  function apply() {
    var verdict = value('filter-verdict');
    var kind = value('filter-kind');
    var source = value('filter-source');
    var decision = value('filter-decision');
    var shown = 0;
    cards.forEach(function (card) {
      var ok = (!verdict || card.getAttribute('data-verdict') === verdict) &&
        (!kind || card.getAttribute('data-kind') === kind) &&
        (!source || (card.getAttribute('data-sources') || '').split(' ').indexOf(source) >= 0) &&
        (!decision || (card.getAttribute('data-decision') || 'none') === decision);
      card.hidden = !ok;
      if (ok) shown++;
    });
    if (count) count.textContent = 'Showing ' + shown + ' of ' + cards.length;
    if (empty) empty.hidden = shown > 0;
  }
  if (form) {
    form.hidden = false;
    form.addEventListener('change', apply);
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    apply();
  }

  var meta = document.querySelector('meta[name="corroborate-review-token"]');
  if (!meta) return;
  var token = meta.getAttribute('content') || '';
  var LABELS = { 'accepted': 'accepted', 'rejected': 'rejected (false alarm)', 'needs-correction': 'needs correction' };

  function show(card, status, comment) {
    card.setAttribute('data-decision', status || 'none');
    var badge = card.querySelector('.decision');
    if (badge) {
      badge.textContent = status ? LABELS[status] : '';
      badge.hidden = !status;
    }
    var box = card.querySelector('textarea');
    if (box && typeof comment === 'string') box.value = comment;
    if (!status) {
      Array.prototype.forEach.call(card.querySelectorAll('input[type=radio]'), function (r) { r.checked = false; });
    }
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
        apply();
      });
    }).catch(function (err) {
      if (note) note.textContent = 'Not saved: ' + (err && err.message ? err.message : String(err));
    });
  }

  cards.forEach(function (card) {
    var reviewForm = card.querySelector('form.review');
    if (!reviewForm) return;
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
})();
`;
