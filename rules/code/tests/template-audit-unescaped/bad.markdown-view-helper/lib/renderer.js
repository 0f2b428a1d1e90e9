// The wiki's Markdown renderer: marked escapes raw HTML in pages.
const Marked = require('marked');

Marked.setOptions({ gfm: true, sanitize: true });

module.exports = {
  render(text) {
    return Marked(text);
  },
};
