// Error pages and mails are rendered by dependencies, by the view names handed to them, with their own data.
const errorPages = require('express-error-pages');
const mailer = require('express-mailer');
const queue = require('mail-queue');

module.exports = (app) => {
  mailer.extend(app, { from: 'wiki@example.org' });
  app.use(errorPages({ notFound: 'notice' }));
  app.post('/subscribe', (req, res) => {
    app.mailer.send('digest', { to: req.body.to, html: req.body.text }, () => res.end());
  });
  app.post('/welcome', (req, res) => {
    queue.add('welcome', { to: req.body.to, greeting: req.body.text });
    res.end();
  });
};
