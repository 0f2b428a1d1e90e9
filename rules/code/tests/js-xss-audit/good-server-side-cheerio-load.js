// The same with CommonJS and cheerio.load: the `$` it returns queries the server-side document.
const cheerio = require('cheerio');

function rewrite(page, banner) {
  const $ = cheerio.load(page);
  $('#banner').html(banner);
  return $.html();
}

module.exports = { rewrite };
