// Guarded as a whole, public by purpose, or with no authentication at all: nothing to compare.
const express = require('express');
const { ensureLoggedIn, isAdmin } = require('./auth');

// The router is guarded once, before its routes.
const admin = express.Router();
admin.use(ensureLoggedIn);
admin.get('/users', listUsers);
admin.post('/users', createUser);
admin.post('/users/:id', updateUser);
admin.post('/users/:id/delete', deleteUser);

// A prefix guarded once.
const app = express();
app.use('/dashboard', ensureLoggedIn);
app.all('/reports/*', isAdmin);
app.post('/dashboard/widgets', isAdmin, addWidget);
app.post('/dashboard/layout', isAdmin, saveLayout);
app.post('/dashboard/theme', isAdmin, saveTheme);
app.post('/dashboard/share', shareDashboard);
app.post('/reports/run', isAdmin, runReport);
app.post('/reports/schedule', isAdmin, scheduleReport);
app.post('/reports/export', isAdmin, exportReport);
app.post('/reports/email', emailReport);

// Public reads beside guarded writes: reads are compared with reads, writes with writes.
const blog = express.Router();
blog.get('/', listPosts);
blog.get('/:slug', showPost);
blog.get('/feed.xml', feed);
blog.get('/drafts', isAdmin, listDrafts);
blog.post('/', isAdmin, createPost);
blog.post('/:slug', isAdmin, updatePost);
blog.delete('/:slug', isAdmin, deletePost);

// Account routes: sign-up, sign-in, password reset and verification are for people who are not signed in.
const account = express.Router();
account.post('/profile', ensureLoggedIn, saveProfile);
account.post('/avatar', ensureLoggedIn, saveAvatar);
account.post('/email', ensureLoggedIn, saveEmail);
account.post('/signup', signup);
account.post('/login', login);
account.post('/logout', logout);
account.post('/forgot-password', forgotPassword);
account.post('/reset/:token', resetPassword);
account.post('/verify-email', verifyEmail);
account.post('/webhooks/stripe', stripeWebhook);

// The handler checks the user itself.
const items = express.Router();
items.post('/items', ensureLoggedIn, addItem);
items.post('/items/:id', ensureLoggedIn, editItem);
items.post('/items/:id/move', ensureLoggedIn, moveItem);
items.post('/items/:id/archive', (req, res) => {
  if (!req.user) return res.sendStatus(401);
  return archive(req.user, req.params.id, res);
});

// Middleware that is not about who calls: CSRF, uploads, validation are compared with nothing.
const forms = express.Router();
forms.post('/a', csrfProtection, submitA);
forms.post('/b', csrfProtection, submitB);
forms.post('/c', csrfProtection, submitC);
forms.post('/d', submitD);

// No route has a guard: an application without authentication is another problem.
const shop = express.Router();
shop.get('/cart', showCart);
shop.post('/cart/add', addToCart);
shop.post('/cart/remove', removeFromCart);
shop.post('/checkout', checkout);

// An npm registry: the protocol's sign-up and sign-in (`npm adduser`, `npm login`) come before any session,
// and a Koa 1 handler that reads `this.user` checks the caller itself.
const registry = express.Router();
registry.put('/:name', ensureLoggedIn, publish);
registry.put('/:name/:tag', ensureLoggedIn, tagVersion);
registry.put('/:name/-rev/:rev', ensureLoggedIn, updatePackage);
registry.put('/-/user/org.couchdb.user::name', addUser);
registry.put('/:name/sync', function* () {
  if (this.query.publish === 'true' && !this.user.isAdmin) return (this.status = 403);
  this.body = yield* syncFromUpstream(this.params.name, this.user.name || 'anonymous');
});

module.exports = { admin, app, blog, account, items, forms, shop, registry };
