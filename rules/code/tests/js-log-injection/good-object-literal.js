const express = require('express');
const axios = require('axios');

const app = express();
app.post('/charge', (req, res) => {
  // console.* writes an object with util.inspect: every string in it is quoted with its line breaks escaped.
  const payload = {
    request: {
      amount: req.session.total,
      card: { descriptor: req.body.descriptor, value: req.body.value },
    },
  };
  axios.post('https://payments.example/charge', payload).then((answer) => {
    if (!answer.data.ok) console.log('Declined request payload', payload);
  });
  console.error('charge for', { user: req.body.user, note: req.query.note });
  console.log({ name: req.params.name });
  res.sendStatus(202);
});
