// ThinkJS controllers read the request through their own methods and answer with this.redirect():
// an OAuth callback that sends the new login token to the `redirect` the link chose.
const jwt = require('jsonwebtoken');

module.exports = class extends think.Controller {
  async indexAction() {
    const { code, redirect } = this.get();
    const user = await this.service('oauth').user(code);
    const token = jwt.sign(user.objectId, this.config('jwtKey'));
    // ruleid: code/js-open-redirect
    this.redirect(redirect + (redirect.includes('?') ? '&' : '?') + 'token=' + token);
  }

  async backAction() {
    const next = this.post('next');
    // ruleid: code/js-open-redirect
    this.redirect(next);
  }

  async koaAction() {
    // ruleid: code/js-open-redirect
    this.ctx.redirect(this.ctx.query.url);
  }
};
