// The stored value bound as a parameter, or only the server's own identifiers in the text.
const { pool } = require('./connection');
const { execute, select } = require('./query-builder');

module.exports.onCategoryDeleted = async function onCategoryDeleted(data) {
  const rewrite = await select().from('url_rewrite').where('entity_uuid', '=', data.uuid).load(pool);
  if (!rewrite) return;
  await pool.query('DELETE FROM url_rewrite WHERE request_path LIKE $1', [`${rewrite.request_path}/%`]);
  await execute(pool, `DELETE FROM url_rewrite WHERE entity_uuid = '${rewrite.entity_uuid}'`);
};

module.exports.renameTag = async (db, tagId, next) => {
  const tag = await db.get('SELECT id, name FROM tags WHERE id = ?', tagId);
  await db.run(`UPDATE posts SET tag_id = '${tag.id}' WHERE tag_id = 0`);
  await db.run('UPDATE posts SET tags = REPLACE(tags, ?, ?)', tag.name, next);
};

module.exports.fromConfig = async (settings) => {
  // Not a row: a setting the program was given.
  await pool.query(`SELECT * FROM items WHERE kind = '${settings.kind}'`);
};
