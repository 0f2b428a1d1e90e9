// A URL builder keeps its base: a login token appended as a parameter goes to the host the link chose.
const jwt = require('jsonwebtoken');
const buildUrl = require('build-url');

module.exports = class extends think.Controller {
  async indexAction() {
    const { code, redirect } = this.get();
    const user = await this.service('oauth').user(code);
    const token = jwt.sign(user.objectId, this.config('jwtKey'));
    // ruleid: code/js-open-redirect
    this.redirect(think.buildUrl(redirect, { token }));
  }
};

module.exports.linkBack = (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(buildUrl(req.query.returnTo, { queryParams: { status: 'done' } }));
};
