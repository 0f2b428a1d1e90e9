const express = require('express');
const winston = require('winston');

const app = express();
const logger = winston.createLogger({ transports: [new winston.transports.Console()] });

app.post('/charge', (req, res) => {
  const payload = { descriptor: req.body.descriptor };
  // A field of the object, written as text: its line breaks are kept.
  // ruleid: code/js-log-injection
  console.log('descriptor ' + payload.descriptor);
  // ruleid: code/js-log-injection
  console.log(`payload ${payload.descriptor}`);
  // winston takes an object's message field as the raw message.
  // ruleid: code/js-log-injection
  logger.info({ message: req.body.note });
  res.sendStatus(202);
});

app.post('/later', (req, res) => {
  let entry = { ok: true };
  entry = req.body.entry;
  // The name is also given a request string.
  // ruleid: code/js-log-injection
  console.log('entry', entry);
  const fields = [req.body.a, req.body.b];
  // An array: older Node's %s joins its strings raw.
  // ruleid: code/js-log-injection
  console.log('%s', fields);
  const shown = { text: req.body.text, toString() { return this.text; } };
  // An object with its own toString: %s calls it.
  // ruleid: code/js-log-injection
  console.log('%s', shown);
  const copied = { ...req.body.profile };
  // ruleid: code/js-log-injection
  console.log('%s', copied);
  res.sendStatus(202);
});

function show(record) {
  // A parameter of the same name elsewhere in the module: the name is not only an object literal.
  // ruleid: code/js-log-injection
  console.log('record', record);
}

app.post('/record', (req, res) => {
  show(req.body.text);
  res.sendStatus(202);
});
