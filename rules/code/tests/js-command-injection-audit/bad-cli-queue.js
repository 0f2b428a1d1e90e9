#!/usr/bin/env node
// A worker started from the command line that runs what a queue hands it: the queue is outside input.
const amqp = require('amqplib');
const { exec } = require('child_process');

async function main() {
  const conn = await amqp.connect(process.argv[2]);
  const ch = await conn.createChannel();
  ch.consume('jobs', (msg) => {
    // ruleid: code/js-command-injection-audit
    exec(`convert ${msg.content.toString()} out.png`);
  });
}
main();
