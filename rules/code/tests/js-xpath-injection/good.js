const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

function findUser(req, res, xml) {
  const doc = new DOMParser().parseFromString(xml);
  const nodes = xpath.select('//user[@active="true"]', doc);
  res.json(nodes.filter((n) => n.textContent === req.body.name).length);
}
module.exports = { findUser };
