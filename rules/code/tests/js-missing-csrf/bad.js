const express = require('express');
const session = require('express-session');
const MongoStore = require('connect-mongo')(session);

const app = express();
const router = express.Router();

app.use(express.urlencoded({ extended: false }));
app.use(
  // ruleid: code/js-missing-csrf
  session({
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    store: new MongoStore({ url: process.env.MONGO_URL }),
    cookie: { httpOnly: true, secure: true },
  }),
);
// A second session (an admin area) is the same problem: one finding for the application.
app.use('/admin', session({ secret: process.env.ADMIN_SECRET, name: 'admin.sid' }));

router.post('/account/email', (req, res) => {
  req.session.user.email = req.body.email;
  res.redirect('/account');
});

router.delete('/account', async (req, res) => {
  await deleteUser(req.session.user.id);
  res.sendStatus(204);
});

app.use('/', router);
app.listen(3000);
