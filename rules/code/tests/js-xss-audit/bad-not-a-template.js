var $ = require('jquery');
var format = require('./format');

// A function required from a JavaScript module is not a template: its output is not known to be escaped.
$.getJSON('/items', function (items) {
  var html = '';
  $.each(items, function (i, item) {
    html += format(item);
  });
  // ruleid: code/js-xss-audit
  $('#items').html(html);
});

// A request to a URL held under a URL's name: it may be another origin.
function remote(baseUrl) {
  $.post(baseUrl + '/preview', {}, function (data) {
    // ruleid: code/js-xss-audit
    $('#preview').html(data);
  });
}
