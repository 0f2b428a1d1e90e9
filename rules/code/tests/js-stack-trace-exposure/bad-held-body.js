const express = require('express');
const app = express();

// The stack put in a response body first held in a variable, then sent.
app.delete('/queue/:id', async (req, res) => {
  try {
    await removeJob(req.params.id);
    return res.sendStatus(200);
  } catch (e) {
    const body = {
      error: 'queue error',
      details: e.stack,
    };
    // ruleid: code/js-stack-trace-exposure
    return res.status(500).send(body);
  }
});

async function removeJob(id) {
  return id;
}
