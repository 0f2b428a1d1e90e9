// Near a field named as markup, a capitals global, a formatter and a list builder the default rule counts as
// fixed: an oEmbed reply's `html` (the provider of the embedded page writes it), what another window posts, a
// field only starting with `html`, a lower-case global, a formatter given run-time text, a piece of the page's
// fragment, and a builder the code binds to another function later.
apos.oembedCache = {};
function play(el, result) {
  const shaker = document.createElement('div');
  // ruleid: code/js-xss-audit
  shaker.innerHTML = result.html;
  el.appendChild(shaker.firstChild);
}

window.addEventListener('message', function (e) {
  // ruleid: code/js-xss-audit
  document.getElementById('preview').innerHTML = e.data.html;
});

function titled(data) {
  // ruleid: code/js-xss-audit
  $('#title').html(data.htmlTitle);
  const a = document.createElement('a');
  // ruleid: code/js-xss-audit
  a.innerHTML = window.userName || 'Guest';
  // ruleid: code/js-xss-audit
  $('#views').html(utils.makeNumberHumanReadable(data.views + ' ' + data.label));
  // ruleid: code/js-xss-audit
  $('#anchor').html(location.hash.split('#')[1]);
}

var itemHtml = function (name) {
  return '<li>' + name.length + '</li>';
};
function plain(name) {
  return '<li>' + name + '</li>';
}
function showItems(name, raw) {
  if (raw) itemHtml = plain;
  // ruleid: code/js-xss-audit
  $('#items').html(itemHtml(name));
}

// Near an object's own markup method: a child not escaped beside it, and a converter given text
// (`converter.toHTML(body)` is whatever the body holds, rendered).
function htmlNodeRaw(obj) {
  var inner = '';
  $.each(obj.childs, function (i, child) {
    inner += child && child.toHTML ? child.toHTML() : child.label;
  });
  // ruleid: code/js-xss-audit
  return $('<div>').html(inner);
}
function preview(converter, comment) {
  // ruleid: code/js-xss-audit
  $('#preview').html(converter.toHTML(comment.body));
  // ruleid: code/js-xss-audit
  $('#preview').html(comment.toHTML);
}
