// Counts, sizes and versions from the app's own JSON: a field named as a count, a number, a total, a length,
// a size or a version holds digits (and dots) (also formatted by a helper that adds separators). A local helper given only such values
// returns fixed text too, and a long `+` chain of them is read whole.
$(function () {
  $.getJSON('/total', function (data) {
    $('#total-packages').html(data.doc_count);
    $('#total-packages-text').html(data.doc_count.toLocaleString());
    $('#need-sync').html(data.need_sync_num);
    $('#total-size').html(data.totalSize + ' bytes');
    // A total or a number of things named first: `total_docs`, `numItems`.
    $('#record-count').html(data.total_docs + " <span class='text-danger'>(filtered)</span>");
    $('#items').html(data.numItems + ' items');
    const html =
      '<div>' + data.onlineGuestCount + '</div>' +
      '<div>' + (data.onlineRegisteredCount + data.onlineGuestCount) + '</div>' +
      '<div>' + data.socketCount + '</div>';
    $('#active-users').html(html);
    // Versions (digits and dots), also with a default.
    $('#node-version').html(data.node_version || 'v0.10.22');
    $('#app-version').html('v' + data.appVersion);
    // The project's own package file, bundled with the page.
    $('#build-version').html('v' + require('../package.json').version);
  });
});

function counter(el, data) {
  function charsLeft(input, max) {
    return input.length ? '(' + input.val().length + '/' + max + ')' : '';
  }
  $('#signature-left').html(charsLeft(el, data.maximumSignatureLength));
  $('#about-left').html(charsLeft(el, data.maximumAboutMeLength));
}

function humanize(n) {
  n = n.toString().split('.');
  n[0] = n[0].replace(/(\d)(?=(\d\d\d)+(?!\d))/g, '$1,');
  return n.join('.');
}

function totals(data, elements) {
  $('#total-versions').html(humanize(data.doc_version_count));
  elements.each(function (index, element) {
    $(element).html(utils.addCommas($(element).html()));
  });
}

function roomUsage(data) {
  const html = '<div class="text-center pull-left">' +
    '<div>' + data.onlineRegisteredCount + '</div>' +
    '<div>Users</div>' +
    '</div>' +
    '<div class="text-center pull-left">' +
    '<div>' + data.onlineGuestCount + '</div>' +
    '<div>Guests</div>' +
    '</div>' +
    '<div class="text-center pull-left">' +
    '<div>' + (data.onlineRegisteredCount + data.onlineGuestCount) + '</div>' +
    '<div>Total</div>' +
    '</div>' +
    '<div class="text-center pull-left">' +
    '<div>' + data.socketCount + '</div>' +
    '<div>Connections</div>' +
    '</div>';
  $('#active-users').html(html);
}

// A measured time (a search's seconds) beside a count: digits too.
function searchDone(data) {
  $('#user-notfound-notify').html(data.users.length + ' users found! Search took ' + data.timing + ' ms.');
  $('#job-time').html('<b>' + data.query_duration + '</b> s, rendered in ' + data.renderElapsed + ' ms');
}
