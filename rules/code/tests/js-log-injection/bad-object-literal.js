const express = require('express');

const app = express();
app.post('/charge', (req, res) => {
  const payload = { descriptor: req.body.descriptor };
  // One field of the object is the client's text as sent.
  // ruleid: code/js-log-injection
  console.log('declined ' + payload.descriptor);
  // A key the program computes may name that field.
  const key = 'descriptor';
  // ruleid: code/js-log-injection
  console.log('declined ' + payload[key]);
  // An array is joined by a string conversion without quoting.
  const parts = [req.body.descriptor];
  // ruleid: code/js-log-injection
  console.log('declined ' + parts);
  // A `let` bound to an object may be given the client's text later.
  let note = {};
  note = req.body.note;
  // ruleid: code/js-log-injection
  console.log(note);
  res.sendStatus(400);
});
