// Parameters every call of which passes fixed text, read through the calls: a method given to a property and
// called only by that name with a translation (Horizon's chart error), a saved button's markup handed on by a
// recursive poll and put back (saltcorn's spinner, the callers' own variables spelled like the parameter), and
// an element's markup re-indexed with jQuery positions (a `.each` index, `.index()`), its read-back chain
// broken over lines as formatters write it.
var chart = {};
chart.showError = function (error) {
  $(chart.element).html(error);
};
chart.load = function (data) {
  if (!data.length) chart.showError(gettext('No data available.'));
};
chart.refresh = function () {
  chart.showError(gettext('Refresh failed.'));
};

function restoreButton(id, savedHtml) {
  $('#' + id).html(savedHtml);
}

function pollBuild(url, attempts, savedHtml) {
  $.ajax(url, {
    success: function (res) {
      if (res.finished || attempts > 150) restoreButton('buildBtn', savedHtml);
      else
        setTimeout(function () {
          pollBuild(url, attempts + 1, savedHtml);
        }, 1000);
    },
  });
}

function startBuild(url) {
  const savedHtml = $('#buildBtn').html();
  $('#buildBtn').html('<i class="spinner"></i>');
  pollBuild(url, 0, savedHtml);
}

function reindex(element, oldix, newix) {
  $(element).html(
    $(element)
      .html()
      .split('_' + oldix + '"')
      .join('_' + newix + '"'),
  );
}

function removeRow(e) {
  var row = $(e).closest('.form-repeat');
  var ix = row.index();
  row
    .parent()
    .children()
    .each(function (childix, element) {
      if (childix > ix) reindex(element, childix, childix - 1);
    });
  row.remove();
}

function moveUp(e) {
  var row = $(e).closest('.form-repeat');
  var ix = row.index();
  if (ix > 0) reindex(row, ix, ix - 1);
}

// A button's own markup with its two labels swapped (searx's collapse toggle): the name is set in each branch
// of the `if … else` just before the read, here a global the script never declares.
$('.btn-collapse').click(function () {
  var collapsed = $(this).data('btn-text-collapsed');
  var expanded = $(this).data('btn-text-not-collapsed');
  if (collapsed !== '' && expanded !== '') {
    if ($(this).hasClass('collapsed')) {
      newHtml = $(this).html().replace(collapsed, expanded);
    } else {
      newHtml = $(this).html().replace(expanded, collapsed);
    }
    $(this).html(newHtml);
  }
});
