const ejs = require('ejs');
const express = require('express');
const app = express();

app.get('/greet', (req, res) => {
  res.send(ejs.render('<h1>Hello <%= name %></h1>', { name: req.query.name }));
});
