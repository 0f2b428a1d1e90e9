// The same with CommonJS and cheerio.load: the `$` it returns queries the server-side document. What is
// serialised from it (`$.html()`) is HTML built in a string; where it is sent is the response rules' question.
const cheerio = require('cheerio');

function rewrite(page, banner) {
  const $ = cheerio.load(page);
  $('#banner').html(banner);
  return $.html();
}

module.exports = { rewrite };
