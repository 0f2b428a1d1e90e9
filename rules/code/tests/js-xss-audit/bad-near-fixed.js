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

// Markup read back and then changed with run-time text is new markup; a text node's value is decoded text.
function label(el, name) {
  // ruleid: code/js-xss-audit
  $(el).html($(el).html() + name);
  // ruleid: code/js-xss-audit
  el.innerHTML = el.firstChild.nodeValue;
}

// Near the template, translation and number cases that are fixed: the callback of a call that renders no
// template, a translation of data, values `+` may join as strings, the length of data's own field, a name that only
// looks like a count or a version (an account, release notes), a count or version the request carries (its
// query is text), a `var` written twice, a local helper one of whose callers passes text.
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
  $('#visits').html(data.online + data.guests + ' online');
  // ruleid: code/js-xss-audit
  el.innerHTML = '<b>' + data.users.length + '</b> ' + data.unit;
  // ruleid: code/js-xss-audit
  $('#who').html($('<b>' + data.name + '</b>'));
}

function near(el, data, req, user) {
  // ruleid: code/js-xss-audit
  $('#account').html(data.account);
  // ruleid: code/js-xss-audit
  $('#release').html(data.version_notes);
  // ruleid: code/js-xss-audit
  $('#release').html(data.subversion);
  // ruleid: code/js-xss-audit
  $('#release').html(req.query.version);
  // ruleid: code/js-xss-audit
  $('#count').html(req.query.count);
  var html = '<b>' + data.count + '</b>';
  if (data.note) html = data.note;
  // ruleid: code/js-xss-audit
  $('#note').html(html);
  function wrap(inner, size) {
    return '<span>' + inner + '/' + size + '</span>';
  }
  // ruleid: code/js-xss-audit
  $('#a').html(wrap(data.total, data.size));
  // ruleid: code/js-xss-audit
  $('#b').html(wrap(user.name, data.size));
}

// A number formatter given text is text.
function formatted(data) {
  // ruleid: code/js-xss-audit
  $('#title').html(humanize(data.title));
}

// `toLocaleString` of a list joins its strings: the names are text, whatever the method is called.
function namesOf(data) {
  const names = data.users.map((u) => u.name);
  // ruleid: code/js-xss-audit
  $('#names').html(names.toLocaleString());
}

// One term of a long chain that is text.
function usage(data) {
  var html = '<div>' + data.onlineCount + '</div>' + '<div>Users</div>' + '<div>' + data.guestCount + '</div>' +
    '<div>Guests</div>' + '<div>' + data.roomName + '</div>' + '<div>Room</div>';
  // ruleid: code/js-xss-audit
  $('#active-users').html(html);
}

// Near a reply of the page's own server: another site's reply, a URL that is not fixed (`'/' + x` may be
// `//evil.example`), JSON (its fields are data), a field of the reply, the error callback, a promise of
// something else.
function replies(url, target, user) {
  $.ajax({
    url: 'https://widgets.example.com/card',
    success: function (html) {
      // ruleid: code/js-xss-audit
      $('#card').html(html);
    },
  });
  $.get('//' + location.host + '/x', function (html) {
    // ruleid: code/js-xss-audit
    $('#x').html(html);
  });
  $.get('/' + target, function (html) {
    // ruleid: code/js-xss-audit
    $('#target').html(html);
  });
  $.ajax({ url: '/api/user', dataType: 'json' }).done(function (name) {
    // ruleid: code/js-xss-audit
    $('#name').html(name);
  });
  $.get('/api/user', function (res) {
    // ruleid: code/js-xss-audit
    $('#name').html(res.name);
  });
  $.ajax({
    url: '/partials/row',
    error: function (xhr, status, message) {
      // ruleid: code/js-xss-audit
      $('#error').html(message);
    },
  });
  fetchProfile(user).then(function (html) {
    // ruleid: code/js-xss-audit
    $('#profile').html(html);
  });
}

// Near bare `var`s and fixed lists: a bare `var` given data, one at the top of a script (a global other
// scripts may write), a list the code adds to, a list holding data, a list of unknown elements, an element
// replaced in the callback.
var banner;
const TABS = ['<b>home</b>'];

function lists(el, data, users) {
  var html;
  if (data.open) html = data.title;
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
  // ruleid: code/js-xss-audit
  $('#banner').html(banner);
  TABS.push(data.tab);
  TABS.forEach(function (tab) {
    // ruleid: code/js-xss-audit
    el.insertAdjacentHTML('beforeend', tab);
  });
  ['<hr>', data.separator].forEach(function (sep) {
    // ruleid: code/js-xss-audit
    $('#sep').html(sep);
  });
  users.forEach(function (user) {
    // ruleid: code/js-xss-audit
    $('#user').html(user);
  });
  ['<hr>'].forEach(function (sep) {
    sep = data.separator;
    // ruleid: code/js-xss-audit
    $('#sep').html(sep);
  });
}

// Near the catalogue and read-back cases: a translation of data, a message filled with data, markup read
// back and then given text, `.html()` of something that is not a selection.
function catalogue(el, data, $row) {
  // ruleid: code/js-xss-audit
  $(el).html(gettext(data.title));
  // ruleid: code/js-xss-audit
  $('#saved').html(interpolate(gettext('%s saved'), [data.name]));
  // ruleid: code/js-xss-audit
  $row.html($row.find('span').html() + data.name);
  // ruleid: code/js-xss-audit
  $row.html(data.row.html());
}

// Near a selection of the page: a selector that may hold markup (before jQuery 1.9, `<…>` after a `.` was
// parsed), a getter's text, a list of data sorted.
function selections(data, names) {
  // ruleid: code/js-xss-audit
  $('#list').html($('.item ' + data.filter));
  // ruleid: code/js-xss-audit
  $('#title').html($('#' + data.id).text());
  // ruleid: code/js-xss-audit
  $('#names').html(names.sort());
}
