const fs = require('fs');
const path = require('path');
const Handlebars = require('handlebars');
const express = require('express');

const app = express();
const page = Handlebars.compile(fs.readFileSync(path.join(__dirname, 'views/people.hbs'), 'utf8'));

app.post('/team', (req, res) => {
  res.send(page({ items: req.body.items, people: req.body.people, notice: req.body.notice, hint: req.body.hint, footer: req.body.footer }));
});

app.listen(3000);
