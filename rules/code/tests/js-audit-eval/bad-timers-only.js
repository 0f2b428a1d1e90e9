// Only timers name code here (the rule's prefilter decides on them alone): text built from a name, a
// template on the next line, a parenthesised join and text built from a call are each evaluated.
function schedule(name, code, id) {
  // ruleid: code/js-audit-eval
  setTimeout(code + ';', 10);
  // ruleid: code/js-audit-eval
  setInterval(
    `poll(${id})`,
    1000,
  );
  // ruleid: code/js-audit-eval
  setTimeout(('refresh(' + name) + ')');
  // ruleid: code/js-audit-eval
  setTimeout(prefix(name) + '()', 5);
  return id;
}
function prefix(n) {
  return n;
}
module.exports = { schedule };
