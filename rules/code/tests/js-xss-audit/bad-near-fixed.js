// Values that look fixed but are not: a parameter, a reassignable `let`, a destructured name, a loop
// variable shadowing a constant of the same name, a local function that returns its argument.
const row = '<tr></tr>';

function render(el, html, items, opts) {
  let body = '<p>empty</p>';
  if (opts.body) body = opts.body;
  // ruleid: code/js-xss-audit
  el.innerHTML = body;
  const { title } = opts;
  // ruleid: code/js-xss-audit
  el.insertAdjacentHTML('afterbegin', `<h1>${title}</h1>`);
  for (const row of items) {
    // ruleid: code/js-xss-audit
    el.innerHTML += row;
  }
  const wrap = (x) => `<div>${x}</div>`;
  // ruleid: code/js-xss-audit
  $('#out').html(wrap(html));
  const parts = ['<b>', html, '</b>'].join('');
  // ruleid: code/js-xss-audit
  $('#out').html(parts);
  // ruleid: code/js-xss-audit
  $('#row').html(`${row}${html}`);
}

// Markup read back and then changed with run-time text is new markup.
function label(el, name) {
  // ruleid: code/js-xss-audit
  $(el).html($(el).html() + name);
  // ruleid: code/js-xss-audit
  el.innerHTML = el.dataset.template;
}

// Near the template, translation and number cases that are fixed: the callback of a call that renders no
// template, a translation of data, a count that `+` may join as a string, the length of data's own field.
function counts(socket, data, el) {
  socket.emit('rooms.getAll', function (err, html) {
    // ruleid: code/js-xss-audit
    $('#active-users').html(html);
  });
  translator.translate(data.title, function (translated) {
    // ruleid: code/js-xss-audit
    $('#title').html(translated);
  });
  templates.parse('users', data, function (html) {
    html = html + data.footer;
    // ruleid: code/js-xss-audit
    $('#users').html(html);
  });
  // ruleid: code/js-xss-audit
  $('#visits').html(data.onlineCount + data.guestCount + ' online');
  // ruleid: code/js-xss-audit
  el.innerHTML = '<b>' + data.users.length + '</b> ' + data.timing + ' ms';
  // ruleid: code/js-xss-audit
  $('#who').html($('<b>' + data.name + '</b>'));
}
