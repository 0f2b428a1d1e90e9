import sanitizeHtml from 'sanitize-html';

// Returns its input untouched when it is a string with no line break: that string is the data.
export function nl2br(input) {
  if (typeof input === 'string' && !input.includes('\n')) {
    return input;
  }
  return sanitizeHtml(String(input).replace(/\n/g, '<br>'));
}

// The check found the input empty, but the branch changes it before returning it.
export function paragraphs(input) {
  if (!input) {
    input = window.location.hash.slice(1);
    return input;
  }
  return sanitizeHtml(`<p>${input}</p>`);
}

// Markup added after the sanitizer ran.
export function signed(html, author) {
  return sanitizeHtml(html) + '<em>' + author + '</em>';
}
