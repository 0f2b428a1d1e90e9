async function search(db, product, owner) {
  // ruleid: code/js-nosql-where-operator
  await db.reviews.find({ $where: 'this.product == ' + product });
  // ruleid: code/js-nosql-where-operator
  return db.orders.find({ '$where': `this.owner == '${owner}'` });
}
module.exports = { search };
