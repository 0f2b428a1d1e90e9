// marked sanitizes raw HTML, but a renderer of its own writes every link's target as it is:
// `[x](javascript:…)` passes, which marked's own link renderer would have dropped.
const marked = require('marked');

const renderer = new marked.Renderer();
renderer.link = (href, title, text) => `<a href="${href}">${text}</a>`;
marked.setOptions({ sanitize: true, renderer });

module.exports = { render: (text) => marked(text) };
