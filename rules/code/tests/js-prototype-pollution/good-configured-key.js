// examples also for: code/js-prototype-key-write
const express = require('express');
const _ = require('lodash');

// The keys must first name a configured entry: a lookup that finds nothing returns before the write, so
// each key equals a name the operator configured (never __proto__ unless they wrote it).
class Queues {
  constructor(config) {
    this.config = config;
    this.queues = {};
  }

  get(queueName, queueHost) {
    const queueConfig = _.find(this.config.queues, { name: queueName, hostId: queueHost });
    if (!queueConfig) return null;
    this.queues[queueHost] = this.queues[queueHost] || {};
    this.queues[queueHost][queueName] = { name: queueName };
    return this.queues[queueHost][queueName];
  }

  pick(id) {
    const entry = this.config.entries.find((e) => e.id === id);
    if (!entry) throw new Error('unknown entry');
    this.queues[id] = this.queues[id] || {};
    this.queues[id][entry.name] = entry;
  }
}

const queues = new Queues({ queues: [] });
const app = express();
app.get('/:queueHost/:queueName', (req, res) => {
  const { queueName, queueHost } = req.params;
  res.json(queues.get(queueName, queueHost));
});
app.get('/pick/:id', (req, res) => res.json(queues.pick(req.params.id)));
