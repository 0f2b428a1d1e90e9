function render(el, html, name) {
  el.innerHTML = '';
  el.innerHTML = '<p>Loading</p>';
  el.innerHTML = DOMPurify.sanitize(html);
  el.textContent = name;
  el.insertAdjacentHTML('beforeend', `<li>${escapeHtml(name)}</li>`);
  $('#title').text(name);
}

// The application's own translation catalogue (Etherpad's timeslider).
$('#revision_label').html(html10n.get('timeslider.version', { version: 3 }));

// Markup read back from the page and moved: the browser already parsed it.
function switchDatabase(field) {
  $('#database-config').html($('[data-database="' + field + '"]').html());
}
$('[type="text/tpl"]').each(function () {
  cache[this.id] = $('<div/>').html($(this).html()).text();
});
function copyRow(from, to) {
  to.innerHTML = from.innerHTML;
}

// Markup read back from an element held under a `$` name, walked to by traversals only (a theme preview
// that shows its own source): the browser parsed it already.
function stripAngular($frag) {
  $.each($frag.find('[translate]'), function (ndx, elem) {
    var $elem = $(elem);
    $elem.removeAttr('translate').html($elem.find('> span').html());
  });
}

// Django's JavaScript catalogue given fixed text: the application's own messages.
function noData(el) {
  $(el).html(gettext('No data available.'));
  $('#desc').html(interpolate(ngettext('%s volume', '%s volumes', 2), [2]));
}
