// Strings in the list are parsed as markup when .html() appends them.
function rebuild($select, labels) {
  var list = [];
  for (var i = 0; i < labels.length; i++) {
    list[i] = '<li>' + labels[i] + '</li>';
  }
  // ruleid: code/js-xss-audit
  $select.siblings('.dropdown-menu').html(list);
}

function mixed(names, extra) {
  var items = [];
  names.forEach(function (n) {
    items.push($('<li>').text(n));
  });
  items.push(extra);
  // ruleid: code/js-xss-audit
  $('#names').html(items);
}

function replaced(names, markup) {
  var items = [];
  items.push($('<li>').text(names[0]));
  items = markup;
  // ruleid: code/js-xss-audit
  $('#names').html(items);
}

// A `$` name is only a convention: here it holds markup built from data, which .html() parses.
function rows(items) {
  var list = [];
  for (var i = 0; i < items.length; i++) {
    var $row = '<li>' + items[i].name + '</li>';
    list.push($row);
  }
  // ruleid: code/js-xss-audit
  $('#list').html(list);
}
