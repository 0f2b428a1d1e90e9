// Text the page got at run time, edited as text and written as HTML: `<` and `&` in it stay markup.
function renderNode(node, link) {
  // ruleid: code/js-xss-edited-text
  link.innerHTML = '<b>' + node.text.replace(/"/g, '') + '</b>';
  // ruleid: code/js-xss-edited-text
  link.innerHTML = node.text.replace(/"/g, '');
}

function highlight(entry, typed) {
  // ruleid: code/js-xss-edited-text
  entry.container.innerHTML = entry.value.replace(typed, '<b>' + typed + '</b>');
  // ruleid: code/js-xss-edited-text
  $('#hint').html(`<span>${entry.value.replaceAll(/\s+/g, ' ')}</span>`);
}

// A field of a reply edited, and a whole reply of another origin edited (kept at low confidence, as
// js-xss-audit keeps it: unlessFixed.lowers).
function showNotes($box) {
  $.getJSON('/api/notes').done(function (data) {
    // ruleid: code/js-xss-edited-text
    $box.html(data.title.replace(/\n/g, '<br>'));
  });
  $.get('https://feeds.example.com/notes').done(function (html) {
    // ruleid: code/js-xss-edited-text
    $('#feed').html(html.replace(/\n/g, '<br>'));
  });
}
