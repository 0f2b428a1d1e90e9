// Addresses that are not the page's own: a file that sets an element's address from the location first, an
// element picked by a selector the URL chooses.
function showPreview() {
  var frame = document.getElementById('preview');
  frame.src = location.hash.slice(1);
  var src = document.getElementById('preview').src;
  // ruleid: code/js-xss-audit
  $('#status').html('<a href="' + src + '">open</a>');
}

function showLink(params) {
  var href = document.querySelector(params.get('sel')).href;
  // ruleid: code/js-xss-audit
  document.getElementById('out').innerHTML = '<a href="' + href + '">link</a>';
}
