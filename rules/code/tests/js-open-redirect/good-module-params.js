// Calipso module handlers that take only a path of this site from req.moduleParams, and a program's own
// `moduleParams` object that no request fills.
function logout(req, res) {
  req.session.user = null;
  res.redirect('/user/login?returnto=' + encodeURIComponent(req.moduleParams.returnto || '/'));
}

function view(req, res) {
  res.redirect('/content/show/' + req.moduleParams.id);
}

const loader = { moduleParams: { home: 'https://example.com/' } };
function home(res) {
  res.redirect(loader.moduleParams.home);
}

module.exports = { logout, view, home };
