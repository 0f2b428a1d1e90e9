// review37: html-entities' encode in its default mode or a mode that also escapes `<`, `>`, quotes and `&`.
import ansiHTML from 'ansi-html-community';
import { encode } from 'html-entities';

const el = document.getElementById('out');
fetch('/api/message')
  .then((r) => r.text())
  .then((text) => {
    const html = ansiHTML(encode(text, { mode: 'nonAsciiPrintable', level: 'xml' }));
    el.innerHTML = html;
  });
fetch('/api/other')
  .then((r) => r.text())
  .then((text) => {
    const html = ansiHTML(encode(text));
    el.innerHTML = html;
  });
