// An oEmbed reply's `html` is written by the provider of the embedded page, not the application's renderer: the
// default code/js-xss-audit keeps it (js-xss-audit/bad-markup-fields-near.js), so this rule does not repeat it.
const oembedCache = {};
function play(el, result) {
  const shaker = document.createElement('div');
  shaker.innerHTML = result.html;
  el.appendChild(shaker.firstChild);
}
