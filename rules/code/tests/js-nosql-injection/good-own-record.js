const mongoose = require('mongoose');
const User = mongoose.model('User');

// A handler that pins the query to the caller's own record before it runs: the request's other keys are anded
// with the session's id, so an operator among them reads only the caller's own document.
module.exports = function handle(ctx) {
  if (ctx.url === '/me') {
    ctx.query = ctx.query || {};
    ctx.query.id = ctx.session.data.uid;
    return User.find(ctx, (err, user) => ctx.done(err, user));
  }
};

module.exports.profile = function profile(req, res) {
  const q = req.body;
  q._id = req.session.userId;
  User.findOne(q).then((u) => res.json(u));
};
