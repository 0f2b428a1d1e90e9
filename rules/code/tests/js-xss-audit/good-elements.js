// A jQuery element made from a lone literal tag is a node: `.html(element)` inserts it and parses nothing;
// its text property is text.
function showWidget(winfos, json) {
  if (!json.url) {
    var div = $('<div>', {
      class: 'renderer-elem renderer-elem-error',
    }).append($('<div>', { class: 'text-center-vh', text: "Unknown view '" + winfos.view + "'" }));
    $('.pbody-' + winfos.id).html(div);
    return;
  }
  if (winfos.category == 'image') {
    // The same `var` declared again in another branch: each value is an element.
    var div = $('<div/>', { class: 'widget-img' });
    $('<img/>', { src: winfos.url }).appendTo(div);
    $('.pbody-' + winfos.id).html(div);
  }
  var img = $('<img/>').attr('src', winfos.url);
  $('.pbody-' + winfos.id).html(img);
  var pscript = $('<script>', { type: 'text/javascript', text: json.script });
  $('.pscript-' + winfos.id).html(pscript);
}

// A detached <textarea> parses its content as text: the entity-decoding idiom.
function decode(value) {
  return $('<textarea/>').html(value).val();
}

// gettext's short name given fixed text: the application's own catalogue.
function toggle(el) {
  el.innerHTML = _('less options');
  el.innerHTML = gettext ('more options');
}

// The same short name as a method of a catalogue object (Jed's `i18n._`), given fixed text and joined with
// more of it.
function about(i18n) {
  var text = i18n.msg._('Could not access version information.');
  $('<p/>').html(text);
  text = i18n._('You are using') + '<br/>' + i18n.msg._('the notebook.');
  $('<p/>').html(text);
}
