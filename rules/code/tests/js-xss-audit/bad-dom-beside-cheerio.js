// A file that imports cheerio but also writes to a real DOM: only cheerio's `.html()` is server-side, an
// element's innerHTML still parses the text as markup in the page.
import cheerio from 'cheerio';

export function show(doc, html) {
  const $tmp = cheerio('<div>');
  $tmp.html(html);
  // ruleid: code/js-xss-audit
  doc.getElementById('out').innerHTML = html;
}
