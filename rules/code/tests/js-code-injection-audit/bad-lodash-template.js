// lodash's and underscore's `_.template` compile their text into a function: `<% … %>` runs as JavaScript.
// A template kept where an administrator edits it (an e-mail template in the settings store) is code.
const _ = require('lodash');
const underscore = require('underscore');

async function sendResetMail(store, mailer, user) {
  const settings = await store.get({ key: 'email' });
  // ruleid: code/js-code-injection-audit
  const body = _.template(settings.reset.message)({ user });
  await mailer.send({ to: user.email, html: body });
}

const render = {
  template(layout, data) {
    // ruleid: code/js-code-injection-audit
    const compiled = _.template(layout);
    return compiled(data);
  },
};

function page(text, data) {
  // ruleid: code/js-code-injection-audit
  return underscore.template(text, { variable: 'data' })(data);
}
module.exports = { sendResetMail, render, page };
