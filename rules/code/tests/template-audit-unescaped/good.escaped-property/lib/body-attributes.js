const escapeHtml = require('escape-html');

// Adds `data-<name>='<value>'` to the page's body; `req.data.bodyDataAttributes` accumulates them.
function addBodyDataAttribute(req, name, value) {
  const attribute =
    value === undefined || String(value).length === 0
      ? escapeHtml(name)
      : `${escapeHtml(name)}='${escapeHtml(String(value))}'`;
  req.data.bodyDataAttributes = (req.data.bodyDataAttributes ? req.data.bodyDataAttributes + ' ' : ' ') + 'data-' + attribute;
}

function resetBody(req) {
  req.data.bodyDataAttributes = '';
}

module.exports = { addBodyDataAttribute, resetBody };
