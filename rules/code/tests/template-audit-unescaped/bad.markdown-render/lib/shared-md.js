// A markdown-it instance with html off, shared: another module adds a plugin to the same object.
const markdownit = require('markdown-it');

const md = markdownit();

module.exports = { md, render: (text) => md.render(text) };
