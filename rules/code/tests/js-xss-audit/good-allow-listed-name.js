// A name the `if` holding the write has just tested against an anchored allow-list of letters and digits, between
// fixed text: no `<`, `&` or quote can be in it (an HTML sanitizer's entity lookup, a tag name checked first).
var safeEntityNameRe = /^[A-Za-z][A-za-z0-9]+$/;
var tagNameRe = /^[a-z][a-z0-9-]*$/i;
var entityLookupElement = document.createElement('p');
function lookupEntity(name) {
  var m = name.match(/^#(\d+)$/);
  if (m) {
    return String.fromCharCode(parseInt(m[1], 10));
  } else if (entityLookupElement && safeEntityNameRe.test(name)) {
    entityLookupElement.innerHTML = '&' + name + ';';
    return entityLookupElement.textContent;
  }
  return name;
}
function emptyTag(tag) {
  if (tagNameRe.test(tag)) {
    $('#preview').html(`<${tag}></${tag}>`);
  }
}
