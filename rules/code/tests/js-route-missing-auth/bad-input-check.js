// A helper given the request that checks the input, not the caller: `isValid(req)` and `requireFields(req)` say
// nothing of who may call the route, which its siblings' `isAdmin` decides.
const express = require('express');
const { isAdmin } = require('./auth');
const router = express.Router();

router.get('/list', isAdmin, listTenants);
router.get('/settings', isAdmin, showSettings);
router.get('/info/:name', isAdmin, showInfo);
router.get('/users', isAdmin, listUsers);
router.get('/logs', isAdmin, showLogs);
router.get('/backups', isAdmin, listBackups);
// ruleid: code/js-route-missing-auth
router.get('/export/:name', (req, res) => {
  if (!isValid(req)) return res.sendStatus(400);
  res.json(exportTenant(req.params.name));
});
// ruleid: code/js-route-missing-auth
router.get('/dump/:name', (req, res) => {
  if (!requireFields(req, ['name'])) return res.sendStatus(400);
  res.json(dumpTenant(req.params.name));
});

module.exports = router;
