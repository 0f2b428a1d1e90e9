/* global $ */
function linkify(text) {
  return typeof text === 'string' ? text.replace(/(https?:\/\/\S+)/gi, '<a href="$1">$1</a>') : text;
}

export function showMeta($embeds, data) {
  const $meta = $('<table>');
  Object.keys(data.meta).forEach(function (key) {
    // ruleid: code/js-audit-jquery-insert
    $meta.append('<tr><td><strong>' + key + '</strong></td><td>' + linkify(data.meta[key]) + '</td></tr>');
  });
  // ruleid: code/js-audit-jquery-insert
  $('#errors').prepend(`<li>${data.error}</li>`);
  // ruleid: code/js-audit-jquery-insert
  $embeds.after('<h2 data-plugin="' + data.plugin + '">' + data.title + '</h2>');
  $embeds.prepend($meta);
}
