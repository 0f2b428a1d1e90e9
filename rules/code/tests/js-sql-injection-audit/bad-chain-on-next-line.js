// Text whose first part is a method chain continued on the next line (the rule's prefilter reads the first
// argument's shape: a name, then a line break before the dot, is still built text).
async function find(db, parts, id) {
  // ruleid: code/js-sql-injection-audit
  return db.query(parts
    .join(' ') + ` WHERE id = ${id}`);
}
module.exports = { find };
