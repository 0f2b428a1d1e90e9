// A record whose property is not only a compiled template: its result may be any markup.
var views = { row: _.template('<li><%- name %></li>') };
views.row = function (item) {
  return '<li>' + item.name + '</li>';
};
function showRow(item) {
  // ruleid: code/js-xss-audit
  $('#list').html(views.row(item));
}

var parts = {};
function load() {
  parts = { header: _.template($('#header').html()) };
  $.extend(parts, window.customParts);
}
function showHeader(data) {
  // ruleid: code/js-xss-audit
  $('#header').html(parts.header(data));
}

var widgets = { card: _.template($('#card').html()) };
function reset() {
  widgets = { card: makeCard };
}
function showCard(data) {
  // ruleid: code/js-xss-audit
  $('#card').html(widgets.card(data));
}
