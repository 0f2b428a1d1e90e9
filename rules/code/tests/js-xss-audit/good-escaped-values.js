// Text an escaping helper gave back carries no tag or quote of its own: written into the page, it shows as
// text. Also when a name holds it (a parameter reassigned with it before the write, or a local built of
// literals and such calls).
function setProcessName(name) {
  name = sanitize(name);
  if (this.process !== name) this.emit('process', name);
  this.process = name;
  if (this.window.focused === this) {
    this.window.title.innerHTML = name;
  }
}

function showLabel(el, label) {
  var html = '<b>' + _.escape(label) + '</b>';
  el.innerHTML = html;
}

function showNotice(notice) {
  const text = escapeHtml(notice.title) + ': ' + escapeHtml(notice.body);
  $('#notice').html(text);
}

// A `<textarea>` holds text whatever the setters chained on it before `.html()`.
function mixins(pluginsList) {
  return $('<textarea>')
    .hide()
    .attr('rows', pluginsList.length + 2)
    .html('mixins: ' + JSON.stringify(pluginsList, null, 4));
}

function showComment(el, comment) {
  var author = Handlebars.Utils.escapeExpression(comment.author);
  var body = filterXSS(comment.body);
  el.innerHTML = '<b>' + author + '</b> ' + body;
}

// A helper of the file's own that does replace the markup characters.
function escapeAttr(s) {
  return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

function htmlEscape(s) {
  return escapeAttr(s);
}

function showNick(el, nick) {
  el.innerHTML = '<i>' + htmlEscape(nick) + '</i>';
}

// A helper of the file's own that removes the markup characters (a tag can no longer open).
function sanitize(text) {
  if (!text) return '';
  return (text + '').replace(/[&<>]/g, '');
}

function setTitle(win, name) {
  name = sanitize(name);
  win.title.innerHTML = name;
}
