// A module's own helper bears an escaping name but only trims: exported, it is still the file's own and the
// markup stays.
export function sanitize(text) {
  return String(text).trim();
}

export const escapeHtml = (s) => s.replace(/\s+/g, ' ');

export function showComment(el, comment) {
  const html = '<p>' + sanitize(comment) + '</p>';
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}

export function showAuthor(el, author) {
  const html = '<b>' + escapeHtml(author) + '</b>';
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}
