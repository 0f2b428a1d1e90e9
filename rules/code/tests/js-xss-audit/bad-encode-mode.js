// review37: html-entities' encode in a mode that keeps `<`, `>`, quotes and `&` (nonAsciiPrintableOnly), or with
// options held in a name, is not an escape.
import ansiHTML from 'ansi-html-community';
import { encode } from 'html-entities';

const el = document.getElementById('out');
const opts = { mode: 'nonAsciiPrintableOnly' };
fetch('/api/message')
  .then((r) => r.text())
  .then((text) => {
    const html = ansiHTML(encode(text, { mode: 'nonAsciiPrintableOnly' }));
    // ruleid: code/js-xss-audit
    el.innerHTML = html;
  });
fetch('/api/other')
  .then((r) => r.text())
  .then((text) => {
    const html = ansiHTML(encode(text, opts));
    // ruleid: code/js-xss-audit
    el.innerHTML = html;
  });
