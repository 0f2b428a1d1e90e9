// Event subscribers rebuilding rows from what an earlier request stored.
const { pool } = require('./connection');
const { execute, select } = require('./query-builder');

module.exports.onCategoryDeleted = async function onCategoryDeleted(data) {
  const rewrite = await select().from('url_rewrite').where('entity_uuid', '=', data.uuid).load(pool);
  if (!rewrite) return;
  await execute(
    pool,
    // ruleid: code/js-sql-second-order
    `DELETE FROM url_rewrite WHERE request_path LIKE '${rewrite.request_path}/%' AND entity_type = 'product'`,
  );
};

module.exports.renameTag = async (db, tagId, next) => {
  const tag = await db.get('SELECT name FROM tags WHERE id = ?', tagId);
  // ruleid: code/js-sql-second-order
  await db.run(`UPDATE posts SET tags = REPLACE(tags, '${tag.name}', '${next}')`);
};
