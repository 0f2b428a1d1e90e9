const escapeHtml = require('escape-html');

// Adds `data-<name>='<value>'` to the page's body; `req.data.bodyDataAttributes` accumulates them.
function addBodyDataAttribute(req, name, value) {
  req.data.bodyDataAttributes =
    (req.data.bodyDataAttributes || '') + ` data-${escapeHtml(name)}='${escapeHtml(String(value))}'`;
}

// The query's theme goes into the markup as it came.
function addTheme(req) {
  req.data.bodyDataAttributes += ` data-theme='${req.query.theme}'`;
}

module.exports = { addBodyDataAttribute, addTheme };
