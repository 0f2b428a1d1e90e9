const express = require('express');
const fs = require('fs');
const path = require('path');
const router = express.Router();

// A pattern with the `m` flag: `^` and `$` match at every line, so 'a\n../../../etc/passwd' passes (its first line
// matches) and the rest climbs out of the folder.
function validM(name) {
  if (!/^[a-zA-Z0-9_-]+$/m.test(name)) return false;
  return true;
}
router.get('/m', (req, res) => {
  const { name } = req.query;
  if (!validM(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join('/srv/app', 'files', name)));
});

function validGM(name) {
  if (!/^[\w-]+$/gm.test(name)) return false;
  return true;
}
router.get('/gm', (req, res) => {
  const { name } = req.query;
  if (!validGM(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join('/srv/app', 'files', name)));
});
module.exports = router;
