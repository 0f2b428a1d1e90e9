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
