// Near the method parameters read through their calls: one call passing a reply's field, a method also handed
// on as a value (its callers unknown), a recursive call passing something else at the parameter's place, a
// key of `$.each` over an object and an element of another library's `.each`, and `.index(value)` asked of a
// collection.
var panel = {};
panel.showMessage = function (text) {
  // ruleid: code/js-xss-audit
  $(panel.element).html(text);
};
panel.load = function () {
  panel.showMessage(gettext('Loading'));
  $.getJSON('/api/status', function (data) {
    panel.showMessage(data.message);
  });
};

var notice = {};
notice.show = function (text) {
  // ruleid: code/js-xss-audit
  $('#notice').html(text);
};
notice.show(gettext('Saved'));
socket.on('notice', notice.show);

function restore(id, savedHtml, reply) {
  $('#' + id).html('<i class="spinner"></i>');
  // ruleid: code/js-xss-audit
  setTimeout(() => $('#' + id).html(savedHtml), 10);
  if (reply) restore(id, reply.body);
}
restore('btn', $('#btn').html());

function showKeys(settings) {
  $.each(settings, function (key, value) {
    // ruleid: code/js-xss-audit
    $('#keys').append($('<li>').html('<b>' + key + '</b>'));
  });
  models.each(function (model) {
    // ruleid: code/js-xss-audit
    $('#models').html('<b>' + model + '</b>');
  });
  var at = list.index(settings.current);
  // ruleid: code/js-xss-audit
  $('#position').html('<b>' + at + '</b>');
}

// Set in branches before the read, but one branch gives a reply's text, or an `else if` chain has no final
// `else` (the value before the `if` stays), or the assignment is not a branch's last statement.
function toggle(el, reply) {
  var label = reply.title;
  if (reply.open) {
    label = '<b>open</b>';
  } else if (reply.half) {
    label = '<b>half</b>';
  }
  // ruleid: code/js-xss-audit
  $(el).html(label);
  if (reply.open) state = '<b>open</b>';
  else state = reply.state;
  // ruleid: code/js-xss-audit
  $(el).html(state);
  if (reply.open) {
    view = '<b>open</b>';
  } else {
    view = '<i>closed</i>';
    view = view + reply.note;
  }
  // ruleid: code/js-xss-audit
  $(el).html(view);
}
