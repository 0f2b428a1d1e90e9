// A module of the program whose `find` hands the filter to a database (NeDB's findOne).
const Datastore = require('nedb');

const db = new Datastore({ filename: 'tokens.db', autoload: true });

function find(params, cb) {
  db.findOne(params, cb);
}

module.exports.find = find;
