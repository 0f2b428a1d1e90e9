// Near the reply of a request to a URL the code holds (the audit profile's js-audit-xss-reply): the URL read in
// place from the page's fragment (whoever writes the link picks the server and its markup), a field of the reply
// (data), a reply joined to text the page read elsewhere. Reported at the rule's confidence
// (lowered-replies.test.ts checks which).
function loadHash() {
  $.get(location.hash.slice(1)).done(function (html) {
    // ruleid: code/js-xss-audit
    $('#main').html(html);
  });
}

function showWidget($box) {
  $.ajax({ url: $box.data('url'), dataType: 'json' }).done(function (data) {
    // ruleid: code/js-xss-audit
    $box.html(data.title);
  });
  $.ajax($box.data('url')).done(function (html) {
    // ruleid: code/js-xss-audit
    $box.html(html + $box.find('.footer').text());
  });
}

// A fixed URL of another origin, or one that starts with a value, asked for its whole reply: kept, at low
// confidence.
function widgets(baseUrl) {
  $.ajax({ url: 'https://widgets.example.com/card' }).done(function (html) {
    // ruleid: code/js-xss-audit
    $('#card').html(html);
  });
  $.post(baseUrl + '/preview', {}, function (data) {
    // ruleid: code/js-xss-audit
    $('#preview').html(data);
  });
}
