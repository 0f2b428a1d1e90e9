// Query text held in a name and bound values: no text is built at the call.
async function find(db, conn, sql, id, queries) {
  await db.query(sql, [id]);
  await conn.execute(queries.byId, [id]);
  return db.query((sql), [id]);
}
module.exports = { find };
