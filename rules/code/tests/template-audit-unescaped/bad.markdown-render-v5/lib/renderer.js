// marked 5 removed the sanitize option: this setting is ignored and raw HTML is kept.
const marked = require('marked');

marked.setOptions({ sanitize: true });

module.exports = { render: (text) => marked.parse(text) };
