// A method override lets a form's POST through as a PUT or DELETE (`<form method="post">` with
// `_method=DELETE`): the handler's reply is then a page another site's form can open.
const express = require('express');
const methodOverride = require('method-override');
const app = express();

app.use(express.urlencoded({ extended: false }));
app.use(methodOverride('_method'));

app.delete('/notes', function (req, res) {
  // ruleid: code/js-xss-response
  res.send('Deleted ' + req.body.title);
});

app.put('/files/:name', (req, res) => {
  if (req.method === 'PUT') {
    // ruleid: code/js-xss-response
    res.end('Saved to ' + req.body.folder);
  }
});
