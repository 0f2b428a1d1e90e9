/* global $ */
export function show($list, items, panel) {
  // Elements, fixed markup, escaped values.
  $list.append($('<li>').text(items[0].name));
  $list.append('<hr/>');
  $list.append('<li>' + escapeHtml(items[1].name) + '</li>');
  $list.append(items.length + ' items');
  // The DOM's Element.append inserts text, not markup.
  panel.append('<b>' + items[2].name + '</b>');
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function fixed($list) {
  const LABEL = 'Items';
  $list.prepend('<h4>' + LABEL + '</h4>');
}

// cheerio's jQuery-style API writes into a document parsed on the server.
const cheerio = require('cheerio');

export function rewrite(page, title) {
  const $d = cheerio.load(page);
  $d('head').append('<title>' + title + '</title>');
  return $d.html();
}
