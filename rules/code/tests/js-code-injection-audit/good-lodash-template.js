// Templates the program fixes: literal text, one read from its own disk, and one the page holds under a fixed
// selector (the application's own markup).
const _ = require('lodash');
const fs = require('fs');
const path = require('path');

const greeting = _.template('Hello <%- name %>!');
const row = _.template(fs.readFileSync(path.join(__dirname, 'row.html'), 'utf8'));

function panel($) {
  const popup = _.template($('#popupTmp').html());
  const item = _.template(document.getElementById('itemTmp').innerHTML);
  return popup({ item: item({}) });
}

// Another object's `template` method is not lodash's.
function mail(service, layout, data) {
  return service.template(layout, data);
}
module.exports = { greeting, row, panel, mail };
