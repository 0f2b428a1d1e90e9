// A parameter read through its calls that the body gives another value: each value is fixed too. A quota bar's
// percentage (Horizon's `update(element, value)`, called with a quotient and capped at `100 - used`), a label a
// helper extends with fixed markup, and a count stepped with `++`.
var quota = {
  updateUsageFor: function (element, incrementBy) {
    var limit = parseInt($(element).attr('data-quota-limit'), 10);
    var percentage = (incrementBy / limit) * 100;
    this.update($(element).attr('id'), percentage);
  },
  update: function (element, value) {
    var bars = $('#' + element).find('.progress-bar');
    var used = +$(bars[0]).attr('aria-valuenow');
    if (used + value > 100) {
      value = 100 - used;
    }
    var percentStr = value + '%';
    $(bars[1]).css('width', percentStr).find('.sr-only').html(percentStr);
  },
};

function badge(label, count) {
  label += ' <span class="badge">';
  count++;
  label = label + count + '</span>';
  $('#badge').html(label);
}
badge(gettext('Unread'), 0);
