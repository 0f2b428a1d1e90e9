const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const sessions = client.db('app').collection('sessions');

// The type test on the wrong side, or of another value than the one in the filter.
function bindSession(socket) {
  socket.on('session', (data) => {
    if (typeof data.sid === 'string') {
      return;
    }
    var sid = data.sid;
    // ruleid: code/js-nosql-injection
    sessions.findOne({ id: sid }, (err, s) => socket.emit('bound', !!s));
  });
}

app.post('/sessions/find', async (req, res) => {
  const { token, user } = req.body;
  if (typeof token !== 'string') return res.status(400).end();
  // ruleid: code/js-nosql-injection
  res.json(await sessions.findOne({ token, user }));
});

// `typeof x === 'object'` holds for `{ "$ne": null }`: it lets an operator through.
app.post('/sessions/count', async (req, res) => {
  if (typeof req.body.user !== 'object') return res.status(400).end();
  // ruleid: code/js-nosql-injection
  res.json(await sessions.countDocuments({ user: req.body.user }));
});

module.exports = { bindSession };
