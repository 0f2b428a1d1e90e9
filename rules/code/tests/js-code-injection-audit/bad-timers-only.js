// Only timers name code here (the rule's prefilter decides on them alone): a value run whole, with a `;` after
// it or wrapped as a called function in a template on the next line, is evaluated. Text built around a value
// (`poll(${id})`, a parenthesised join, a call's result with `()`) is the audit profile's (js-audit-eval's
// bad-timers-only.js).
function schedule(name, code, id) {
  // ruleid: code/js-code-injection-audit
  setTimeout(code + ';', 10);
  // ruleid: code/js-code-injection-audit
  setInterval(
    `(${code})()`,
    1000,
  );
  return [name, id];
}
module.exports = { schedule };
