// A timer's text whose first part is a method chain continued on the next line (the prefilter, shared with
// code/js-code-injection-audit, reads the first argument's shape: a name, then a line break before the dot, is
// still built text).
function schedule(steps, id) {
  // ruleid: code/js-audit-eval
  setTimeout(steps
    .join(';') + `;done(${id})`, 10);
  return id;
}
module.exports = { schedule };
