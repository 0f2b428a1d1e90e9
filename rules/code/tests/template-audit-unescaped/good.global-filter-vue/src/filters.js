import sanitizeHtml from 'sanitize-html';
import DOMPurify from 'dompurify';

// Escapes the text, then turns its line breaks into <br>; undefined (no result yet) is returned as it is.
export function nl2br(input) {
  if (typeof input === 'undefined') {
    return input;
  }
  const div = document.createElement('div');
  div.innerText = input;
  return sanitizeHtml(div.innerHTML.replace(/\n/g, '<br>'));
}

export const clean = (html) => (html == null ? '' : DOMPurify.sanitize(html));
