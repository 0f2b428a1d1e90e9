const mongoose = require('mongoose');
const User = mongoose.model('User');

module.exports = function handle(ctx) {
  if (ctx.url === '/me') {
    ctx.query = ctx.query || {};
    ctx.query.id = ctx.session.data.uid;
  }
  // The pin is inside the branch: other requests reach the query with the client's filter.
  // ruleid: code/js-nosql-injection
  return User.find(ctx, (err, user) => ctx.done(err, user));
};

module.exports.login = function login(req, res) {
  const q = req.body;
  // Another key fixed: `{ "password": { "$ne": 1 } }` still matches any user.
  q.active = true;
  // ruleid: code/js-nosql-injection
  User.findOne(q).then((u) => res.json(u));
};

module.exports.byId = function byId(req, res) {
  const q = req.body;
  q._id = req.query.id;
  // ruleid: code/js-nosql-injection
  User.findOne(q).then((u) => res.json(u));
};

module.exports.late = function late(req, res) {
  const q = req.body;
  // ruleid: code/js-nosql-injection
  User.findOne(q).then((u) => res.json(u));
  q._id = req.session.userId;
};
