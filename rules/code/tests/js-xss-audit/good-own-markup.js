// Markup the page's own server renders, fetched from a path of this site and inserted as designed: the reply
// of a jQuery request to a relative URL (the whole reply, not a field of JSON). Whether the server's
// templates escape their data is for the template rules to say.
$('#redisExportData').on('click', function () {
  $.ajax({
    method: 'GET',
    url: 'tools/forms/export',
    success: function (res) {
      $('#body').html(res);
    },
  });
});

function updateCartDiv(path) {
  $.ajax({ method: 'GET', url: '/cartPartial', data: { path: path } }).done(function (msg) {
    $('#cart').html(msg);
  });
}

function readme($entry) {
  $.ajax({
    url: '-/readme/' + encodeURIComponent($entry.attr('data-name')) + '/' + encodeURIComponent($entry.attr('data-version')),
    dataType: 'text',
    success: function (html) {
      $("<div class='readme'>").html(html).appendTo($entry);
    },
  });
}

function sidebar(id) {
  $.get('/partials/sidebar', function (html) {
    document.getElementById('side').innerHTML = html;
  });
  jQuery.post(`/rows/${id}`, { expanded: true }).then((row) => {
    document.getElementById('row-' + id).insertAdjacentHTML('beforeend', row);
  });
}

// A template render's promise gives its markup too.
function page(tpl, data) {
  Benchpress.render(tpl, data).then(function (html) {
    $('#content').html(html);
  });
}

// A selection of the page's own elements, sorted or walked, given to `.html()`: its nodes are moved, no text
// is parsed (a list reordered in place).
function reorder(type) {
  var items = $('#' + type + 'List li').attr('data-index', 100);
  $('#' + type + 'List ul').html(
    items.sort(function (a, b) {
      return $(a).data('index') - $(b).data('index');
    }),
  );
  $('#sorted').html($(this).children('li'));
}

// A path prefix of the site under a name that says so (a wiki mounted below a proxy's path), joined to a
// path of the site: the reply is the server's Markdown preview, rendered by its own code.
function preview(proxyPath) {
  $.post(proxyPath + '/misc/preview', { data: $('#js--editor').val() }, function (data) {
    $('#js--preview .modal-body').html(data);
  });
}
