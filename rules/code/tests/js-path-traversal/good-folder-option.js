const path = require('path');
const express = require('express');
const restore = require('mongodb-restore');
const backup = require('mongodb-backup');

const router = express.Router();

router.post('/database/:db/restore', function (req, res) {
  const dbName = req.params.db;
  // Only the name of an entry of the backups folder.
  restore({ uri: 'mongodb://localhost/' + dbName, root: path.join(__dirname, '../backups', path.basename(dbName)) });
  // A fixed folder.
  backup({ uri: 'mongodb://localhost/' + dbName, root: path.join(__dirname, '../backups'), callback: () => res.end() });
});

module.exports = router;
