// The application's package.json (good-express5.package.json) gives Express 5 only: Express 5 passes an async
// handler's rejection to `next`, which answers that one request with 500; the process stays up.
const express = require('express');

const router = express.Router();

router.get('/reports', async (req, res) => {
  const all = req.query.hasOwnProperty('all');
  res.json(await listReports(all));
});

async function listReports(all) {
  return { all };
}

module.exports = router;
