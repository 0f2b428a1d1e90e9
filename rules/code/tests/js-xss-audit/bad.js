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
