// marked with its default options keeps raw HTML.
const { marked } = require('marked');

marked.setOptions({ gfm: true });

module.exports = {
  render(text) {
    return marked(text);
  },
};
