// Routes without the siblings' middleware whose handler refuses the caller unless a helper given the request
// allows it: the helper reads the signed-in user's role, so the handler decides who may call it.
const express = require('express');
const { isAdmin } = require('./auth');
const router = express.Router();

const create_tenant_allowed = (req) => {
  const required_role = +config.get('role_to_create_tenant') || 1;
  const user_role = req.user ? req.user.role_id : 100;
  return user_role <= required_role;
};

async function canEditPage(req, page) {
  return req.user && (req.user.role === 'admin' || page.owner === req.user.id);
}

router.get('/list', isAdmin, listTenants);
router.get('/settings', isAdmin, showSettings);
router.get('/info/:name', isAdmin, showInfo);
router.get('/users', isAdmin, listUsers);
router.get('/logs', isAdmin, showLogs);
router.get('/backups', isAdmin, listBackups);
router.get('/create', async (req, res) => {
  if (!create_tenant_allowed(req)) {
    res.redirect('/');
    return;
  }
  res.render('create-tenant');
});
router.get('/pages/:id/edit', async (req, res) => {
  const page = await Page.findOne({ id: req.params.id });
  if (!(await canEditPage(req, page))) return res.sendStatus(403);
  res.render('edit-page', { page });
});

module.exports = router;
