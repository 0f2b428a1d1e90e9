// A module for both sides: jsdom's document on the server, the page's own in a browser (a bundler leaves the
// require out there). Markup written into `doc` runs in the browser's page.
let doc;
if (typeof window === 'undefined') {
  const { JSDOM } = require('jsdom');
  doc = new JSDOM('<main></main>').window.document;
} else {
  doc = window.document;
}

function show(notice) {
  // ruleid: code/js-xss-audit
  doc.querySelector('main').innerHTML = notice.body;
  return doc;
}

module.exports = { show };
