// A renderer that is not an escaping highlighter: Markdown keeps the author's raw HTML.
function renderPreview(el, text) {
  // ruleid: code/js-xss-audit
  el.innerHTML = marked(text);
  // A field of a highlighter's result other than its escaped markup, or text a highlighter never saw.
  // ruleid: code/js-xss-audit
  el.innerHTML = hljs.highlight(text, { language: 'js' }).language + text;
}
