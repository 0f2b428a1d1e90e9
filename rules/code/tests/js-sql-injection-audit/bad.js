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
