const express = require('express');

const app = express();
app.post('/charge', (req, res) => {
  // An object literal held in a constant and printed whole: util.inspect quotes and escapes every string in
  // it, so a line break in the body comes out as the two characters \n.
  const payload = { amount: 10, payment: { descriptor: req.body.descriptor } };
  console.log('declined request payload', payload);
  console.error(payload);
  res.sendStatus(400);
});
