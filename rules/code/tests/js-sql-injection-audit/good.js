async function findUser(db, sequelize, prisma, knex, id, email, dataSource) {
  await db.query('SELECT * FROM users WHERE id = $1', [id]);
  await sequelize.query('SELECT * FROM Users WHERE email = ?', { replacements: [email] });
  await prisma.$queryRaw`SELECT * FROM "User" WHERE id = ${id}`;
  await knex('users').whereRaw('name = ?', [email]);
  await dataSource.query('SELECT * FROM users WHERE id = $1', [id]);
  const url = new URL(`https://example.org/${id}`);
  return url;
}
module.exports = { findUser };
