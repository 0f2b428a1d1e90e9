// Near good-param-rewritten.js: every call passes fixed text, but the body gives the parameter a reply's field
// (plainly, with `+=`, or in one branch), or writes it in a way whose values are not read (destructuring, a
// `for … of` over a reply's list).
function showStatus(text, reply) {
  text += reply.message;
  // ruleid: code/js-xss-audit
  $('#status').html(text);
}
showStatus(gettext('Status: '), window.lastReply);

function showTitle(title, reply) {
  if (reply.title) title = reply.title;
  // ruleid: code/js-xss-audit
  document.getElementById('title').innerHTML = title;
}
showTitle(gettext('Untitled'), window.lastReply);

function showFirst(name, reply) {
  [name] = reply.names;
  // ruleid: code/js-xss-audit
  $('#first').html('<b>' + name + '</b>');
}
showFirst('', window.lastReply);

function showEach(item, reply) {
  for (item of reply.items) {
    // ruleid: code/js-xss-audit
    $('#items').html('<li>' + item + '</li>');
  }
}
showEach('', window.lastReply);
