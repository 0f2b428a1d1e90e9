import sanitizeHtml from 'sanitize-html';

export function bold(text) {
  return sanitizeHtml(`<b>${text}</b>`);
}
