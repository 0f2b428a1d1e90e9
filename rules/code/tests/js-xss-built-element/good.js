// Not run-time markup filling an element the code makes: the decoding idiom that reads the text back (the audit
// profile's js-xss-audit), a `<textarea>`, text, fixed markup, an element of the page, an escaped value.
function addMessage(ctx, $box) {
  const name = $('<div/>').html(ctx.user.name).text();
  const value = $('<textarea/>').html(ctx.user.bio).val();
  $box.append($('<span>').text(name + value));
  $box.append($('<span>').html('<b>new</b>'));
  $('#name').html(ctx.user.name);
  $box.append($('<span>').html(escapeHtml(ctx.user.name)));
  $box.append($('<span>').html(ctx.unread.length + ' new'));
}
