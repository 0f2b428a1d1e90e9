// Near a name tested against an allow-list: another value written, the `else` branch, a negated or `||` test, a
// class that lets `<` through, a `g` regex (whose `test` moves on from its last match), an unanchored one, one
// bound again, a field of the name, and the name given another value after the test.
var safeNameRe = /^[A-Za-z][A-za-z0-9]+$/;
var loose = /^[\w<>]+$/;
var globalRe = /^[a-z]+$/g;
var unanchored = /[a-z]+/;
function tested(name, other) {
  if (safeNameRe.test(name)) {
    // ruleid: code/js-xss-audit
    document.body.innerHTML = '<b>' + other + '</b>';
  } else {
    // ruleid: code/js-xss-audit
    document.body.innerHTML = '<b>' + name + '</b>';
  }
  // ruleid: code/js-xss-audit
  if (!safeNameRe.test(name)) document.body.innerHTML = '<b>' + name + '</b>';
  // ruleid: code/js-xss-audit
  if (safeNameRe.test(name) || other) document.body.innerHTML = '<b>' + name + '</b>';
  // ruleid: code/js-xss-audit
  if (loose.test(name)) document.body.innerHTML = '<b>' + name + '</b>';
  // ruleid: code/js-xss-audit
  if (globalRe.test(name)) document.body.innerHTML = '<b>' + name + '</b>';
  // ruleid: code/js-xss-audit
  if (unanchored.test(name)) document.body.innerHTML = '<b>' + name + '</b>';
  // ruleid: code/js-xss-audit
  if (safeNameRe.test(name)) document.body.innerHTML = '<b>' + name + other + '</b>';
  // ruleid: code/js-xss-audit
  if (safeNameRe.test(name)) document.body.innerHTML = '<b>' + name.label + '</b>';
}
function rebound(name) {
  var re = /^[a-z]+$/;
  re = new RegExp(name);
  // ruleid: code/js-xss-audit
  if (re.test(name)) $('#x').html('<b>' + name + '</b>');
}
function reassigned(name, other) {
  if (safeNameRe.test(name)) {
    name = other;
    // ruleid: code/js-xss-audit
    document.body.innerHTML = '<b>' + name + '</b>';
  }
}
