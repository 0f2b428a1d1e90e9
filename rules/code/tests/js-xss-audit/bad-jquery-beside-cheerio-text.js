// Browser code that only mentions the server's parser in a comment: require('cheerio') and
// `import cheerio from 'cheerio'` are not statements here, so `$` is jQuery and writes into the page.
$.getJSON('/api/preview', function (data) {
  const $box = $('#preview');
  // ruleid: code/js-xss-audit
  $box.html(data.title);
});
const note = "unlike cheerio.load(), from 'cheerio', this runs in the page";
