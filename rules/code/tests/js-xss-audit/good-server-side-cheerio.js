// cheerio is jQuery's API over a document parsed on the server: `.html(markup)` writes into that parsed
// tree, which is read back (`.find('iframe')`, `.text()`); no browser renders it and no script runs.
import cheerio from 'cheerio';

export function iframeOf(oembed) {
  const $container = cheerio('<div>');
  try {
    $container.html(oembed.html);
  } catch (ex) {
    return null;
  }
  return $container.find('iframe').attr('src');
}

export function plainText(description) {
  const $p = cheerio('<p>');
  $p.html(description);
  return $p.text();
}
