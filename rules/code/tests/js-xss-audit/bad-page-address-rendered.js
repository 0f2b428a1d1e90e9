// A link inside the user's rendered content (a comment's first link) is that user's URL, not the page's own
// address; a URL of a scheme the parser does not know (`x:"><img src=x onerror=…>`) keeps its `"` and `<` when
// serialised.
function firstCommentLink() {
  var first = document.querySelector('.comment a').href;
  // ruleid: code/js-xss-audit
  document.getElementById('out').innerHTML = '<a href="' + first + '">first link</a>';
}

function firstImage() {
  var img = document.querySelector('article img[src]').src;
  // ruleid: code/js-xss-audit
  $('#preview').html('<img src="' + img + '">');
}
