async function findUser(db, sequelize, prisma, knex, Sequelize, id, email, col) {
  // ruleid: code/js-sql-injection-audit
  await db.query(`SELECT * FROM users WHERE id = ${id}`);
  // ruleid: code/js-sql-injection-audit
  await sequelize.query("SELECT * FROM Users WHERE email = '" + email + "'");
  // ruleid: code/js-sql-injection-audit
  await prisma.$queryRawUnsafe(`SELECT * FROM "User" WHERE id = ${id}`);
  // ruleid: code/js-sql-injection-audit
  await prisma.$executeRawUnsafe('DELETE FROM "User" WHERE email = \'' + email + "'");
  // ruleid: code/js-sql-injection-audit
  await knex('users').whereRaw(`name = '${email}'`);
  // ruleid: code/js-sql-injection-audit
  return Sequelize.literal(`(SELECT COUNT(*) FROM likes WHERE col = ${col})`);
}
module.exports = { findUser };

// A query helper taking the connection first (a query-builder package's `execute(pool, sql)`): the text is built
// from a row read earlier, whose value an administrator wrote (second-order).
async function renamePaths(pool, execute, query, currentPath, path, uuid) {
  // ruleid: code/js-sql-injection-audit
  await execute(pool, `UPDATE url_rewrite SET request_path = REPLACE(request_path, '${currentPath.request_path}', '${path}') WHERE entity_uuid != '${uuid}'`);
  // ruleid: code/js-sql-injection-audit
  return query(dbConnection, 'DELETE FROM url_rewrite WHERE request_path LIKE ' + "'" + path + "/%'");
}
module.exports.renamePaths = renamePaths;
