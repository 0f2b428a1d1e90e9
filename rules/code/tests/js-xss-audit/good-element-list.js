// A dropdown rebuilt from the select's options: each item is an element whose text was set with .text().
function rebuild($select) {
  var $options = $select.find('option');
  var list = [];
  for (var jj = 0; jj < $options.length; jj++) {
    var $thisOption = $($options[jj]);
    var $list_item = $(document.createElement('li')).attr('data-original-index', jj);
    var $anchor = $(document.createElement('a')).attr('data-select-value', $thisOption.attr('value'));
    $anchor.text($thisOption.text()).appendTo($list_item);
    list[jj] = $list_item;
  }
  $select.siblings('.dropdown-menu').html(list).change();
}

function rows(names) {
  var items = [];
  names.forEach(function (n) {
    items.push($('<li>').text(n));
  });
  $('#names').html(items);
}
