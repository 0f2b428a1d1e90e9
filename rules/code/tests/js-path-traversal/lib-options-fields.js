// A helper module of the options-fields examples (neither bad nor good itself): it builds a path from the
// fields of an options object, the folder as given, the category and file name through sanitize-filename.
const path = require('path');
const sanitize = require('sanitize-filename');

function get_filepath(p) {
  var filepath = p.content;
  if (p.category) filepath += '/' + sanitize(p.category);
  if (p.filename) filepath += '/' + sanitize(p.filename);
  return path.normalize(filepath);
}

function join_fields(p) {
  return path.join(p.root, p.name);
}

module.exports = { get_filepath, join_fields };
