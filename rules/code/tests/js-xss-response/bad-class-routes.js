// The same class's GET and POST handlers: a link or a cross-site form opens their reply as a page. And a
// class app that installs a method override lets a form's POST reach its PUT handler.
const express = require('express');
const methodOverride = require('method-override');

class App {
  constructor() {
    this.app = express();
    this.app.use(express.urlencoded({ extended: true }));
  }

  routes() {
    this.app.get('/api/v1/chatflows/:id', async (req, res) => {
      // ruleid: code/js-xss-response
      res.status(404).send(`Chatflow ${req.params.id} not found`);
    });
    this.app.post('/api/v1/prediction/:id', async (req, res) => {
      // ruleid: code/js-xss-response
      res.status(404).send(`Chatflow ${req.params.id} not found`);
    });
  }
}

class LegacyApp {
  constructor() {
    this.app = express();
    this.app.use(methodOverride('_method'));
    this.app.put('/notes/:id', (req, res) => {
      // ruleid: code/js-xss-response
      res.send('Saved ' + req.params.id);
    });
  }
}

module.exports = { App, LegacyApp };
