const serialize = require('serialize-javascript');

function page(state) {
  // ruleid: code/js-serialize-unsafe
  return `<script>window.__STATE__ = ${serialize(state, { unsafe: true })}</script>`;
}
module.exports = { page };
