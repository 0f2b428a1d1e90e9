const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const sessions = client.db('app').collection('sessions');

// A value the code has seen to be a string (`typeof x === 'string'`) cannot carry an operator: the filter is an
// equality test on it. Also when the member is checked and then copied to a name.
function bindSession(socket) {
  socket.on('session', (data) => {
    if (!data || !data.sid || typeof data.sid !== 'string') {
      return;
    }
    var sid = data.sid;
    sessions.findOne({ id: sid }, (err, s) => socket.emit('bound', !!s));
  });
}

app.post('/sessions/find', async (req, res) => {
  const { token } = req.body;
  if (typeof token === 'string') {
    return res.json(await sessions.findOne({ token }));
  }
  res.status(400).end();
});

app.post('/sessions/count', async (req, res) => {
  if (typeof req.body.user !== 'string') return res.status(400).end();
  res.json(await sessions.countDocuments({ user: req.body.user }));
});

module.exports = { bindSession };
