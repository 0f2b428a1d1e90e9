async function search(db, product) {
  await db.reviews.find({ product: { $eq: product } });
  return db.orders.find({ $where: 'this.total > 100' });
}
module.exports = { search };
