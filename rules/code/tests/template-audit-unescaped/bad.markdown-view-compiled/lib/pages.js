// Renders a view of the project by name with pug's own compile, outside Express's render.
const fs = require('fs');
const path = require('path');
const pug = require('pug');

function page(res, view, data) {
  const file = path.join(__dirname, '../views', view + '.pug');
  const tpl = pug.compile(fs.readFileSync(file, 'utf8'), { filename: file });
  res.send(tpl(data));
}

module.exports = { page };
