// The same store as an ES module: `find` queries NeDB.
import Datastore from 'nedb';

const db = new Datastore({ filename: 'tokens.db', autoload: true });

export function find(params, cb) {
  db.findOne(params, cb);
}
