#!/usr/bin/env node
// A command-line program that downloads with the https module: what it received may reach the shell.
import https from 'node:https';
import { exec } from 'node:child_process';

const url = process.argv[2];
const client = https;
client.get(url, (res) => {
  let body = '';
  res.on('data', (c) => (body += c));
  // ruleid: code/js-command-injection-audit
  res.on('end', () => exec(`tar xzf ${body.trim()}`));
});
