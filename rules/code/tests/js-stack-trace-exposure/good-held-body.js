const express = require('express');
const app = express();

// The stack goes to the log; the body sent holds only a generic message.
app.delete('/queue/:id', async (req, res) => {
  try {
    await removeJob(req.params.id);
    return res.sendStatus(200);
  } catch (e) {
    const logged = { details: e.stack };
    console.error(logged);
    const body = { error: 'queue error' };
    return res.status(500).send(body);
  }
});

async function removeJob(id) {
  return id;
}

// A declaration with the stack two statements before the one that sends another body is not read.
app.get('/jobs', (req, res) => {
  try {
    res.json([]);
  } catch (err) {
    const trace = err.stack;
    console.error(trace);
    res.status(500).send({ error: 'failed' });
  }
});
