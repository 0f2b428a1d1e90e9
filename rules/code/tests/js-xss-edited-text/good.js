// Not text edited and left unescaped: an escape, markup read back from the page, a template filled (the audit
// profile's js-xss-audit), fixed text edited, a replacement computed per match.
const TEMPLATE = '<li>{name}</li>';

function render(node, link, list, entry) {
  link.innerHTML = node.text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  $('#body').html($('#body').html().replace(/\n/g, '<br>'));
  link.innerHTML = link.innerHTML.replace(/\s+$/, '');
  list.innerHTML = TEMPLATE.replace('{name}', node.text);
  list.innerHTML = entry.template.replace('{name}', node.text);
  const label = 'Loading…';
  link.innerHTML = label.replace(/…/g, '...');
  link.innerHTML = escapeHtml(node.text.replace(/"/g, ''));
  link.innerHTML = node.text.replace(/[<>&]/g, (c) => entities[c]);
  link.textContent = node.text.replace(/"/g, '');
}
