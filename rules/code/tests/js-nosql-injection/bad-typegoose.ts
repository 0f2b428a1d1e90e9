import express from 'express';
// Typegoose models are Mongoose models: their filters are MongoDB filters, though the file names no Mongo.
import { getModelForClass, prop } from '@typegoose/typegoose';

class Account {
  @prop() public email!: string;
  @prop() public token!: string;
}
const AccountModel = getModelForClass(Account);
const app = express();
app.use(express.json());

app.post('/reset', async (req, res) => {
  // ruleid: code/js-nosql-injection
  const account = await AccountModel.findOne({ token: req.body.token });
  res.json({ found: !!account });
});
