// The whole reply of a request the page makes to a URL the code does not fix: the server's rendered fragment in
// the single-page pattern, but the URL comes from an attribute or the location and may name another origin, so
// these are reported at low confidence (lowered-replies.test.ts checks which). A field of the reply is data and
// keeps the rule's confidence.
function loadPane($pane) {
  const url = $pane.attr('data-view-source');
  $.ajax(url, {
    success: function (res, textStatus, request) {
      // ruleid: code/js-xss-audit
      $pane.html(res);
      const title = request.getResponseHeader('Page-Title');
      // ruleid: code/js-xss-audit
      if (title) $('#modal .modal-title').html(decodeURIComponent(title));
    },
    error: function (request) {
      // ruleid: code/js-xss-audit
      $pane.html(request.responseText || request.statusText);
    },
  });
}

// The URL read in place from the page's fragment or query: whoever writes the link picks the server and its
// markup, so this keeps the rule's confidence.
function loadHash() {
  $.get(location.hash.slice(1)).done(function (html) {
    // ruleid: code/js-xss-audit
    $('#main').html(html);
  });
}

// A field of the reply, and a reply joined to text the page read elsewhere: the rule's confidence.
function showWidget($box) {
  $.ajax({ url: $box.data('url'), dataType: 'json' }).done(function (data) {
    // ruleid: code/js-xss-audit
    $box.html(data.html);
  });
  $.ajax($box.data('url')).done(function (html) {
    // ruleid: code/js-xss-audit
    $box.html(html + $box.attr('data-footer'));
  });
}
