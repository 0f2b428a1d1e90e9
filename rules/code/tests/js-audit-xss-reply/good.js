// Not a whole reply of a request to a URL the code holds: a field of the reply, a reply joined to other text, a
// request to a URL read in place from the page's fragment (these three are code/js-xss-audit's, at its
// confidence), and a request to a path of the page's own site written in place (its server's markup).
function loadHash() {
  $.get(location.hash.slice(1)).done(function (html) {
    $('#main').html(html);
  });
}

function showWidget($box) {
  $.ajax({ url: $box.data('url'), dataType: 'json' }).done(function (data) {
    $box.html(data.html);
  });
  $.ajax($box.data('url')).done(function (html) {
    $box.html(html + $box.find('.footer').text());
  });
  $.get('/partials/cart', function (html) {
    $('#cart').html(html);
  });
}
