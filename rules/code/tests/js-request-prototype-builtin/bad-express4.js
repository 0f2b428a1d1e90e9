// The application's package.json (bad-express4.package.json) gives Express 4, or 4 and 5: a 4 may be installed,
// and Express 4 drops the async handler's promise.
const express = require('express');

const router = express.Router();

router.get('/reports', async (req, res) => {
  // ruleid: code/js-request-prototype-builtin
  const all = req.query.hasOwnProperty('all');
  res.json(await listReports(all));
});

async function listReports(all) {
  return { all };
}

module.exports = router;
