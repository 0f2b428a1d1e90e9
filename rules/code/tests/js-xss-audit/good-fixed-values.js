// HTML fixed by the program text: constants held in names, joined, chosen by a condition, or returned by
// a local function, and translation lookups held in a const first.
const OPEN = '<div id="sidedivinner"><div><span class="line-number">1';

function initLineNumbers(sideDiv) {
  const htmlClose = '</span></div></div>';
  sideDiv.innerHTML = `${OPEN}${htmlClose}`;
}

function seed($firstLine) {
  const threeLines = ['regular line', 'line with ordered list', 'line with unordered list'].join('<br>');
  $firstLine.html(threeLines);
}

function label(atEnd) {
  $('#viewlatest').html(`${atEnd ? 'Viewing' : 'View'} latest content`);
}

function showDate(date) {
  const dateFormat = () => html10n.get('timeslider.dateformat', { day: date.getDate() });
  $('#timer').html(dateFormat());
  const revisionDate = html10n.get('timeslider.saved', { year: date.getFullYear() });
  $('#revision_date').html(revisionDate);
}

function banner(el) {
  return el.insertAdjacentHTML('beforeend', loading());
  function loading() {
    return '<p class="spinner">Loading</p>';
  }
}

// The output of a template render, also translated, unescaped or wrapped afterwards, and numbers.
function renderPage(tpl, data, el, socket) {
  templates.parse(tpl, data, function (template) {
    translator.translate(template, function (translatedTemplate) {
      translatedTemplate = translator.unescape(translatedTemplate);
      $('#content').html(translatedTemplate);
    });
  });
  app.parseAndTranslate('topic', 'posts', { posts: data.posts }, (html) => {
    $('<div>', { component: 'post/replies' }).html(html);
  });
  templates.parse('users', 'users', data, function (html) {
    translator.translate(html, function (translated) {
      translated = $(translated);
      $('#users-container').html(translated);
    });
  });
  translator.translate(translator.unescape($('#available').html()), function (html) {
    $('#available').html(html);
  });
  $('#preview').html(Mustache.render(tpl, data));
  socket.emit('admin.search', {}, function (err, res) {
    $('#found').html(res.users.length + ' user' + (res.users.length > 1 ? 's' : '') + ' found');
    el.innerHTML = '<span>' + (res.end - res.start) + ' ms</span>';
    $('#progress').html(Math.round(res.done * 100) + '%');
    $('#left').html(`(${res.max - res.text.length} left)`);
  });
}
