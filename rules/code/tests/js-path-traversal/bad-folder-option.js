const path = require('path');
const express = require('express');
const restore = require('mongodb-restore');

const router = express.Router();

// The folder a library restores from, chosen by the URL: `..%2F..%2Ftmp` arrives decoded.
router.post('/database/:db/restore', function (req, res) {
  const dbName = req.params.db;
  // ruleid: code/js-path-traversal
  restore({ uri: 'mongodb://localhost/' + dbName, root: path.join(__dirname, '../backups', dbName), callback: () => res.end() });
});

module.exports = router;
