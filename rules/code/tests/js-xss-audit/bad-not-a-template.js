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

// The result of another call, called: a function returned by a loader, not a compiled template.
$.getJSON('/api/widget', function (widget) {
  // ruleid: code/js-xss-audit
  $('#widget').html(load(widget.source)({ name: widget.name }));
  // ruleid: code/js-xss-audit
  $('#widget').html(_.template('<b><%= name %></b>', widget)(widget) + widget.footer);
});

// A request to a URL held under a URL's name: it may be another origin.
function remote(baseUrl) {
  $.post(baseUrl + '/preview', {}, function (data) {
    // ruleid: code/js-xss-audit
    $('#preview').html(data);
  });
}
