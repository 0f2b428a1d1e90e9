// One file sets up sessions and passport for every request, then guards its admin routes one by one.
const express = require('express');
const session = require('express-session');
const passport = require('passport');
const { isAdmin } = require('./auth');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use(passport.initialize());
app.use(passport.session());
app.use(require('./routes/public'));

app.post('/admin/users', isAdmin, createUser);
app.post('/admin/users/:id', isAdmin, updateUser);
app.post('/admin/settings', isAdmin, saveSettings);
// ruleid: code/js-route-missing-auth
app.post('/admin/users/:id/delete', deleteUser);

module.exports = app;
