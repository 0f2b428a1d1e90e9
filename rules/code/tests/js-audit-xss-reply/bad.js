// The whole reply of a request the page makes to a URL the code holds in a name or reads from an attribute, and
// what an XMLHttpRequest gives back: the server's rendered fragment in the single-page pattern, which the default
// rule code/js-xss-audit counts as markup by design; a lead here, since the URL may name another origin.
function loadPane($pane) {
  const url = $pane.attr('data-view-source');
  $.ajax(url, {
    success: function (res, textStatus, request) {
      // ruleid: code/js-audit-xss-reply
      $pane.html(res);
      const title = request.getResponseHeader('Page-Title');
      // ruleid: code/js-audit-xss-reply
      if (title) $('#modal .modal-title').html(decodeURIComponent(title));
    },
    error: function (request) {
      // ruleid: code/js-audit-xss-reply
      $pane.html(request.responseText || request.statusText);
    },
  });
}

function remote(url) {
  $.get(url, function (html) {
    // ruleid: code/js-audit-xss-reply
    $('#remote').html(html);
  });
}
