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

// A helper taking the connection first with constant SQL and bound values; a first argument that is no database
// handle (a cache key built from a name).
async function renamePaths(pool, execute, cache, path, uuid) {
  await execute(pool, 'UPDATE url_rewrite SET request_path = $1 WHERE entity_uuid != $2', [path, uuid]);
  return execute(cache, `paths:${uuid}`);
}
module.exports.renamePaths = renamePaths;
