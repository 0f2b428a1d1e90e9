const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();

// The project's own validator: an anchored pattern of letters, digits, `_` and `-` only leaves no `.` or `/`.
const validateBuildDirName = (name) => {
  if (!/^[a-zA-Z0-9_-]+$/.test(name)) return false;
  if (!/^build_\d+$/.test(name)) return false;
  return true;
};

router.get('/build/result', (req, res) => {
  const { out_dir_name } = req.query;
  if (!validateBuildDirName(out_dir_name)) return res.sendStatus(400);
  res.json(fs.readdirSync(path.join('/srv/app', 'mobile_app', out_dir_name)));
});

router.get('/build/log', (req, res) => {
  const { name } = req.query;
  if (!/^[\w-]{1,64}$/i.test(name)) return res.sendStatus(400);
  res.send(fs.readFileSync(path.join('/srv/app', 'logs', name)));
});

module.exports = router;
