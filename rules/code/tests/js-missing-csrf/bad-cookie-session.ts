import express from 'express';
import cookieSession from 'cookie-session';
import { transfer } from './bank';

const app = express();
app.use(express.urlencoded({ extended: true }));
// ruleid: code/js-missing-csrf
app.use(cookieSession({ name: 'session', keys: [process.env.KEY1!, process.env.KEY2!] }));

app.route('/transfer').post((req, res) => {
  transfer(req.session!.userId, req.body.to, Number(req.body.amount));
  res.redirect('/');
});
