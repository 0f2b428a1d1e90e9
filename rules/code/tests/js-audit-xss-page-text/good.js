// Not the page's own attributes (code/js-xss-audit reports these at its confidence): an element's text content or
// a form field's value (decoded text, often a user's), data the code stored on an element, an attribute joined
// with data, an `options` parameter outside a plugin.
function showTitle($row, data) {
  $('#title').html($row.find('.name').text());
  $('#notify').html($('#notify_message').val());
  $('#user').html($row.data('user').name);
  $('#label').html($row.attr('data-label') + data.name);
  document.getElementById('x').innerHTML = $row.data(data.key, data.value);
}

function render(el, options) {
  el.innerHTML = options.title;
}

function storedUser($row) {
  var user = $row.data('user');
  $('#user').html(user.name);
}
