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
