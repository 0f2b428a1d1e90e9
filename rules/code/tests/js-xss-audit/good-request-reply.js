// The whole reply of a request the page makes to a URL the code holds in a name or reads from an attribute, and
// what an XMLHttpRequest gives back: the page's own server's rendered views, modals and error bodies in the
// single-page pattern (0 true of 12 on the accuracy bench). The audit profile's js-audit-xss-reply reports them.
function loadPane($pane) {
  const url = $pane.attr('data-view-source');
  $.ajax(url, {
    success: function (res, textStatus, request) {
      $pane.html(res);
      const title = request.getResponseHeader('Page-Title');
      if (title) $('#modal .modal-title').html(decodeURIComponent(title));
    },
    error: function (request) {
      $pane.html(request.responseText || request.statusText);
    },
  });
}

function remote(url) {
  $.get(url, function (html) {
    $('#remote').html(html);
  });
}
