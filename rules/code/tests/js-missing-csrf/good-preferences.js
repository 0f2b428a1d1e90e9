// Cookies that authenticate nothing: a theme and a language.
const express = require('express');
const cookieParser = require('cookie-parser');

const app = express();
app.use(cookieParser());
app.use(express.urlencoded({ extended: false }));
app.get('/', (req, res) => res.render('home', { theme: req.cookies.theme, lang: req.cookies['lang'] }));
app.post('/feedback', (req, res) => {
  saveFeedback(req.body.text);
  res.redirect('/thanks');
});
