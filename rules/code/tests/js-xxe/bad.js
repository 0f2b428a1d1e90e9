const libxmljs = require('libxmljs');

function parseInvoice(xml) {
  // ruleid: code/js-xxe
  return libxmljs.parseXmlString(xml, { noent: true, noblanks: true });
}
module.exports = { parseInvoice };
