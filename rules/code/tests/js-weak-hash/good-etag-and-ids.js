const crypto = require('crypto');

// A digest as an ETag: quoted as RFC 7232 writes an entity tag, made by a function named for it, or put
// in the response's headers under that name. A cache validator, no signature or integrity check.
var quoted = function (value) {
  return '"' + crypto.createHash('md5').update(value).digest('hex') + '"';
};
var etag = function (value) {
  return crypto.createHash('md5').update(value).digest('hex');
};
function sendResponse(response, headers, data) {
  var hash = crypto.createHash('md5');
  hash.update(data);
  var contentDigest = hash.digest('hex');
  headers['Etag'] = '"' + contentDigest + '"';
  response.writeHead(200, headers);
  response.end(data);
}

// A digest as a placeholder id while a text is rewritten.
function wikiLinks(text, tagmap) {
  var id;
  text.match(/\[\[(.+?)\]\]/g).forEach(function (match) {
    id = crypto.createHash('sha1').update(match).digest('hex');
    tagmap[id] = match;
    text = text.replace(match, id);
  });
  return text;
}
module.exports = { quoted, etag, sendResponse, wikiLinks };
