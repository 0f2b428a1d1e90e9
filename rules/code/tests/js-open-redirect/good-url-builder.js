// A URL builder on a fixed base: request data only among the parameters it encodes stays on that site.
const buildUrl = require('build-url');

module.exports = class extends think.Controller {
  async loginAction() {
    const { redirect, type } = this.get();
    const back = think.buildUrl('/api/oauth', { redirect, type });
    this.redirect(think.buildUrl('https://github.com/login/oauth/authorize', { redirect_uri: back, type }));
  }
};

module.exports.search = (req, res) => {
  res.redirect(buildUrl('/search', { queryParams: { q: req.query.q } }));
};

module.exports.oauthStart = class extends think.Controller {
  async indexAction() {
    const { type } = this.get();
    const { oauthUrl } = this.config();
    // The configured OAuth service's host; the request picks a path on it.
    this.redirect(think.buildUrl(`${oauthUrl}/${type}`, { state: 'x' }));
  }
};
