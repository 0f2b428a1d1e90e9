// Calipso's req.moduleParams: route captures and a query string parsed by Node's querystring, so each value
// is a string (or a list of strings), never an object that could carry an operator.
function showUser(req, res, template, block, next) {
  var User = calipso.db.model('User');
  var username = req.moduleParams.username;
  User.findOne({ username: username }, function (err, u) {
    calipso.theme.renderItem(req, res, template, block, { item: u }, next);
  });
}

function deleteRole(req, res) {
  Role.remove({ _id: req.moduleParams.id }, function () {
    res.redirect('/user/role');
  });
}

module.exports = { showUser, deleteRole };
