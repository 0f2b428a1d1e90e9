const libxmljs = require('libxmljs');

function parseInvoice(xml) {
  return libxmljs.parseXmlString(xml, { noblanks: true });
}
module.exports = { parseInvoice };
