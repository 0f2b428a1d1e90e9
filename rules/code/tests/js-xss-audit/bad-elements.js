// An element given markup as a property, or a getter's string, is HTML again.
function showWidget(winfos, json) {
  var div = $('<div>', { html: json.body });
  // ruleid: code/js-xss-audit
  $('.pbody-' + winfos.id).html(div);
  var inner = $('<div>').append(json.body).html();
  // ruleid: code/js-xss-audit
  $('.pbody-' + winfos.id).html(inner);
  // Markup appended to the new element on the way is parsed by .append() (no default rule reads that call).
  // ruleid: code/js-xss-audit
  $('.pbody-' + winfos.id).html($('<div>').append(json.body));
  // A <div> made for the purpose parses its content as markup (an <img onerror> runs).
  // ruleid: code/js-xss-audit
  return $('<div/>').html(json.title).text();
}

// A translation of data is data.
function toggle(el, label) {
  // ruleid: code/js-xss-audit
  el.innerHTML = _(label);
}

// As a catalogue object's method too (Jed's `i18n._`).
function title(i18n, data) {
  // ruleid: code/js-xss-audit
  $('<p/>').html(i18n.msg._(data.title));
  // ruleid: code/js-xss-audit
  $('#x').html(i18n._('Saved: ') + data.name);
}
