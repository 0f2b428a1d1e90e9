// The allow-list is an anchored pattern of letters and digits the module never replaces; another pattern
// declared before it is replaced by a setting, which must not hide that the one used here is fixed.
var userPattern = /^[a-z]+$/;
var tagNameRe = /^[a-z][a-z0-9-]*$/i;
function configure(settings) {
  if (settings.userPattern) userPattern = settings.userPattern;
}
function emptyTag(tag) {
  if (tagNameRe.test(tag)) {
    // ok: code/js-xss-audit
    $('#preview').html(`<${tag}></${tag}>`);
  }
}
module.exports = { configure, emptyTag, userPattern };
