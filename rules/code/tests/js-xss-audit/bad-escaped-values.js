// Escaping one part says nothing of the others, and undoing it gives the markup back.
function showLabel(el, label, icon) {
  var html = '<i class="' + icon + '"></i>' + _.escape(label);
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}

function showTitle(el, title) {
  // `unescape` decodes: the markup comes back.
  var html = unescape(title);
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}

function setName(el, name) {
  if (name.length > 20) name = sanitize(name);
  // The parameter is written only in one branch: the other keeps the caller's text.
  // ruleid: code/js-xss-audit
  el.innerHTML = name;
}

function decode(value) {
  // A `<div>` is not a `<textarea>`: an `<img onerror>` in it runs, also before it is attached.
  // ruleid: code/js-xss-audit
  return $('<div>').hide().attr('title', 'x').html(value).text();
}

function textareaThen(value) {
  // The chain leaves the textarea (`.parent()`) before `.html()`: that element is not known.
  // ruleid: code/js-xss-audit
  return $('<textarea>').parent().html(value);
}

function highlight(el, word) {
  // `RegExp.escape` escapes for a pattern, not for markup: `<` stays.
  var html = '<mark>' + RegExp.escape(word) + '</mark>';
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}

// A helper of the file's own that bears an escaping name but only trims or cuts: the markup stays.
function sanitize(text) {
  return String(text).trim().slice(0, 200);
}

const escapeHtml = (s) => s.replace(/\s+/g, ' ');

function showComment(el, comment) {
  var html = '<p>' + sanitize(comment) + '</p>';
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}

function showAuthor(el, author) {
  var html = '<b>' + escapeHtml(author) + '</b>';
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}
