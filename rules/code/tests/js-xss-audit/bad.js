function render(el, html, name, list) {
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
  // ruleid: code/js-xss-audit
  el.outerHTML = `<b>${name}</b>`;
  // ruleid: code/js-xss-audit
  el.insertAdjacentHTML('beforeend', '<li>' + name + '</li>');
  // ruleid: code/js-xss-audit
  document.write(list.join(''));
  // ruleid: code/js-xss-audit
  $('#title').html(name);
}

// One statement, one review: the chain fills two parts of one element; reported once, at its first sink.
function chatLine(ctx) {
  const msg = $('<p>')
    .append(
      // ruleid: code/js-xss-audit
      $('<span>').addClass('time').html(ctx.timeStr),
    )
    .append($('<div>').html(ctx.text).contents());
  // A separate statement is a separate review.
  // ruleid: code/js-xss-audit
  $('#chattext').html(ctx.more);
  return msg;
}
