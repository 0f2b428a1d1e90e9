#!/usr/bin/env node
// A schema installer: runs the package's own SQL file for the person who started it.
const fs = require('fs');
const path = require('path');
const mysql = require('mysql');

const [, , host, user, database] = process.argv;
const connection = mysql.createConnection({
  host,
  user,
  password: process.env.DB_PASSWORD,
  database,
  multipleStatements: true,
});
connection.query(fs.readFileSync(path.join(__dirname, '../sql/schema.sql'), 'utf8'), (err) => {
  connection.end();
  if (err) process.exitCode = 1;
});
