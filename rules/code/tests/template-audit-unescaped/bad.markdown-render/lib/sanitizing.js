const marked = require('marked');

marked.setOptions({ sanitize: true });

module.exports = { render: (text) => marked(text) };
