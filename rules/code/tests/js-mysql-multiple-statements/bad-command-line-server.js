#!/usr/bin/env node
// Started from the command line, but it serves requests: their values may reach the queries.
const express = require('express');
const mysql = require('mysql');

const pool = mysql.createPool({
  host: process.argv[2],
  // ruleid: code/js-mysql-multiple-statements
  multipleStatements: true,
});
const app = express();
app.get('/search', (req, res) => pool.query('SELECT 1', () => res.end()));
app.listen(3000);
