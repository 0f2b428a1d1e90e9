// A helper given the request whose name speaks of the caller, but the handler does not refuse anyone on its
// answer (it only logs, or changes what it shows), or a helper that checks something other than the caller
// (the author field of a post, the rate of requests, the origin): the siblings' `isAdmin` is still missing.
const express = require('express');
const { isAdmin } = require('./auth');
const router = express.Router();

router.get('/list', isAdmin, listTenants);
router.get('/settings', isAdmin, showSettings);
router.get('/info/:name', isAdmin, showInfo);
router.get('/users', isAdmin, listUsers);
router.get('/logs', isAdmin, showLogs);
router.get('/backups', isAdmin, listBackups);
router.get('/quotas', isAdmin, showQuotas);
router.get('/plans', isAdmin, showPlans);
router.get('/invoices', isAdmin, showInvoices);
router.get('/audit', isAdmin, showAudit);
router.get('/domains', isAdmin, showDomains);
router.get('/keys', isAdmin, showKeys);
router.get('/hooks', isAdmin, showHooks);
router.get('/exports', isAdmin, showExports);
// ruleid: code/js-route-missing-auth
router.get('/delete/:name', async (req, res) => {
  if (!userIsAdmin(req)) audit.warn('tenant deleted by a non-admin');
  await deleteTenant(req.params.name);
  res.sendStatus(204);
});
// ruleid: code/js-route-missing-auth
router.get('/rename/:name', async (req, res) => {
  if (!canSeeDetails(req)) {
    res.locals.compact = true;
  }
  await renameTenant(req.params.name, req.body.to);
  res.sendStatus(204);
});
// ruleid: code/js-route-missing-auth
router.get('/posts', async (req, res) => {
  if (!hasAuthorField(req)) return res.sendStatus(400);
  res.json(await createPost(req.body));
});
// ruleid: code/js-route-missing-auth
router.get('/import', async (req, res) => {
  if (!rateLimitAllowed(req)) return res.sendStatus(429);
  res.json(await importTenants(req.body));
});

module.exports = router;
