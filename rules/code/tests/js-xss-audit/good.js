function render(el, html, name) {
  el.innerHTML = '';
  el.innerHTML = '<p>Loading</p>';
  el.innerHTML = DOMPurify.sanitize(html);
  el.textContent = name;
  el.insertAdjacentHTML('beforeend', `<li>${escapeHtml(name)}</li>`);
  $('#title').text(name);
}
