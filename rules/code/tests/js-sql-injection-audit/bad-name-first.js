// Queries whose text starts with a name, a call or a line break before the literal (the rule's prefilter
// reads the first argument's shape).
async function find(db, conn, base, id, table) {
  // ruleid: code/js-sql-injection-audit
  await db.query(base + ' WHERE id = ' + id + ' LIMIT 1');
  // ruleid: code/js-sql-injection-audit
  await conn.execute(
    'SELECT * FROM ' + table,
  );
  // ruleid: code/js-sql-injection-audit
  return db.query(head(table) + ` WHERE id = ${id}`);
}
function head(t) {
  return 'SELECT * FROM ' + t;
}
module.exports = { find };
