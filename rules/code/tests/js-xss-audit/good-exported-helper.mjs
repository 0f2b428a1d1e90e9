// A module's own exported helper that does replace the markup characters.
export function sanitize(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');

export function showComment(el, comment) {
  const html = '<p>' + sanitize(comment) + '</p>';
  el.innerHTML = html;
}

export function showAuthor(el, author) {
  const html = '<b>' + escapeHtml(author) + '</b>';
  el.innerHTML = html;
}
