const xpath = require('xpath');
const { DOMParser } = require('@xmldom/xmldom');

function findUser(req, res, xml) {
  const doc = new DOMParser().parseFromString(xml);
  // ruleid: code/js-xpath-injection
  const nodes = xpath.select(`//user[name/text()='${req.body.name}']`, doc);
  res.json(nodes.length);
}
module.exports = { findUser };
