// Near the page's own text: an element's text content or a form field's value (decoded text, often a user's),
// data the code stored on an element, an attribute joined with data, an `options` parameter outside a plugin.
function showTitle($row, data) {
  // ruleid: code/js-xss-audit
  $('#title').html($row.find('.name').text());
  // ruleid: code/js-xss-audit
  $('#notify').html($('#notify_message').val());
  // ruleid: code/js-xss-audit
  $('#user').html($row.data('user').name);
  // ruleid: code/js-xss-audit
  $('#label').html($row.attr('data-label') + data.name);
  // ruleid: code/js-xss-audit
  document.getElementById('x').innerHTML = $row.data(data.key, data.value);
}

function render(el, options) {
  // ruleid: code/js-xss-audit
  el.innerHTML = options.title;
}

function storedUser($row) {
  var user = $row.data('user');
  // ruleid: code/js-xss-audit
  $('#user').html(user.name);
}

// A key the file's own code writes with run-time text: what comes back is that text (here the URL's), not the
// template's.
function storedMessage() {
  $('#banner').data('message', new URLSearchParams(location.search).get('msg'));
  // ruleid: code/js-xss-audit
  $('#out').html($('#banner').data('message'));
}

function nextLink(a) {
  a.setAttribute('href', location.hash.slice(1));
  // ruleid: code/js-xss-audit
  document.getElementById('where').innerHTML = 'Next: ' + a.getAttribute('href');
}

function storedUserField($row) {
  // ruleid: code/js-xss-audit
  $('#user').html($row.data('user')['name']);
}

// In a file that defines a plugin, a `settings` parameter of another function is its caller's value, not the
// plugin's merged options.
$.fn.noteTip = function (options) {
  var settings = $.extend({ text: '' }, options);
  return this.attr('title', settings.text);
};
function loadNote(settings) {
  // ruleid: code/js-xss-audit
  $('#note').html(settings.body);
}
