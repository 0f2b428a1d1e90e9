// The wiki's Markdown renderer: marked escapes raw HTML in pages unless the operator allows it.
const Marked = require('marked');
const config = require('./config');

Marked.setOptions({
  gfm: true,
  sanitize: !config.application.allowHtml,
});

const Renderer = {
  render: function (content) {
    const text = content.replace(/\r\n/g, '\n');
    return Marked(text);
  },
};

module.exports = Renderer;
