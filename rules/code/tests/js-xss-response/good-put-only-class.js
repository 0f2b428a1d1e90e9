// A server class that holds its Express app, as TypeScript compiles one (`this.app.put(…)`): the replies of
// its PUT, PATCH and DELETE handlers go to the script that sent the request, never to a page.
const express = require('express');

class App {
  constructor() {
    this.app = express();
    this.router = express.Router();
  }

  routes() {
    this.app.put('/api/v1/chatflows/:id', async (req, res) => {
      res.status(404).send(`Chatflow ${req.params.id} not found`);
    });
    this.app.delete('/api/v1/assistants/:id', async (req, res) => {
      res.status(404).send(`Assistant ${req.params.id} not found`);
    });
    this.router.patch('/api/v1/variables/:id', function (req, res) {
      res.send('Variable ' + req.params.id + ' not found');
    });
  }
}

module.exports = { App };
