// Calipso's router copies the route's captures and the query string into req.moduleParams: a logout
// link's `returnto` sends the browser wherever the link says.
function logout(req, res, template, block, next) {
  req.session.user = null;
  var returnTo = req.moduleParams.returnto || null;
  req.session.save(function () {
    // ruleid: code/js-open-redirect
    res.redirect(returnTo || 'back');
  });
}

function show(req, res) {
  // ruleid: code/js-open-redirect
  res.redirect(req.moduleParams.next);
}

module.exports = { logout, show };
